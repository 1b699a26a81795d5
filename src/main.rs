//! The `newsseg` binary: parse flags, run, report, exit with a status that says how it went.

use clap::Parser;
use newsseg::batch::{self, Job};
use newsseg::cli::{Cli, Cmd};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.cmd {
        Cmd::Schema => {
            println!("{}", serde_json::to_string_pretty(&newsseg::emit::schema()).expect("schema serializes"));
            ExitCode::SUCCESS
        }
        Cmd::Process(args) => {
            let job = Job {
                inputs: args.inputs.clone(),
                out: args.out.clone(),
                cfg: args.config(),
                threads: args.threads,
                quiet: args.quiet,
                pretty: args.pretty,
            };
            match batch::run(&job) {
                Ok(s) => {
                    for (path, why) in &s.failures {
                        eprintln!("newsseg: {path}: {why}");
                    }
                    if !job.quiet {
                        let mb = s.bytes as f64 / 1e6;
                        eprintln!(
                            "newsseg: {} pages, {} articles, {} errors, {:.2} s, {:.1} MB/s",
                            s.pages,
                            s.articles,
                            s.failures.len(),
                            s.seconds,
                            if s.seconds > 0.0 { mb / s.seconds } else { 0.0 }
                        );
                    }
                    if s.failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
                }
                Err(e) => {
                    eprintln!("newsseg: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}
