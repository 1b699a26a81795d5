//! Small scoring models the linker uses: lexical cohesion between pieces of text, and seam plausibility.

pub mod cohesion;
pub mod seam;
