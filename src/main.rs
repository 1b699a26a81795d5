//! The `newsseg` binary: parse flags, run, report, exit with a status that says how it went.

use clap::Parser;
use newsseg::ErrorKind;
use newsseg::batch;
use newsseg::cli::{Cli, Cmd};
use std::io::Write;
use std::process::ExitCode;

// A page allocates thousands of small strings and vectors and frees them all at its end; glibc's
// malloc spent about a tenth of the pipeline's instructions on that, mimalloc a fraction of it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Writes a line to stderr, ignoring a closed stderr (eprintln! would panic on it).
macro_rules! say {
    ($($t:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($t)*);
    }};
}

fn main() -> ExitCode {
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
