//! Small scoring models the linker uses: lexical cohesion between pieces of text, seam plausibility,
//! and the page's own strings, which the seams and the classifier ask about.

pub mod cohesion;
pub mod grams;
pub mod seam;
