//! The `newsseg` binary: parse flags, run, report, exit with a status that says how it went. The
//! flags (`cli`) and the batch runner (`batch`) are the binary's own: the library is the pipeline.

mod batch;
mod cli;

use clap::Parser;
use cli::{Cli, Cmd};
use newsseg::ErrorKind;
use std::io::Write;
use std::process::ExitCode;

// A page allocates thousands of small strings and vectors and frees them all at its end; glibc's
// malloc spent about a tenth of the pipeline's instructions on that, mimalloc a fraction of it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

// mimalloc's option setter, from the C library the `mimalloc` crate links (its Rust bindings for
// options come with a feature that needs one more crate).
unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_e` (libmimalloc-sys 0.1.49,
/// `c_src/mimalloc/v3/include/mimalloc.h`): check it when that crate is updated.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Gives memory freed by a finished stage back to the system after 10 ms (mimalloc 2's default)
/// rather than mimalloc 3's full second: on a large page the early stages free tens of megabytes
/// that otherwise still count in the peak RSS while the linker runs (a 4 MB page: 185 → 165 MB).
fn purge_freed_memory_soon() {
    // SAFETY: sets one integer option of the allocator; any value is valid for this option.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 10) }
}

/// Writes a line to stderr, ignoring a closed stderr (eprintln! would panic on it).
macro_rules! say {
    ($($t:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($t)*);
    }};
}

fn main() -> ExitCode {
    purge_freed_memory_soon();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.cmd {
        Cmd::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "newsseg", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Cmd::Man => {
            let mut out = Vec::new();
            // The page and each subcommand's page, one after the other: `process` is where the flags are.
            let cmd = <Cli as clap::CommandFactory>::command();
            let mut ok = clap_mangen::Man::new(cmd.clone()).render(&mut out).is_ok();
            for sub in cmd.get_subcommands().filter(|s| s.get_name() == "process") {
                ok &= clap_mangen::Man::new(sub.clone().name("newsseg-process")).render(&mut out).is_ok();
            }
            let _ = std::io::stdout().write_all(&out);
            if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
        }
        Cmd::Schema => {
            let text = serde_json::to_string_pretty(&newsseg::emit::schema()).expect("schema serializes");
            // A reader that stops early (`| head`) is not an error.
            let _ = writeln!(std::io::stdout(), "{text}");
            ExitCode::SUCCESS
        }
        Cmd::Process(args) => {
            let job = args.job();
            match batch::run(&job) {
                Ok(s) => {
                    // A reader that closed the pipe wanted no more, summary included.
                    if !job.quiet && !s.broken_pipe {
                        let skipped = if s.skipped > 0 { format!(", {} skipped", s.skipped) } else { String::new() };
                        say!(
                            "newsseg: {} pages, {} articles, {} errors, {:.2} s, {:.1} MB/s{skipped}",
                            s.pages,
                            s.articles,
                            s.failures.len(),
                            s.seconds,
                            s.mb_per_s(),
                        );
                    }
                    if s.failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
                }
                Err(e) => {
                    say!("newsseg: {e}");
                    ExitCode::from(if e.kind() == ErrorKind::Config { 2 } else { 1 })
                }
            }
        }
    }
}
