//! The README's recipes are files that run: the Slurm job script parses (`bash -n`), and the Spark
//! recipe's self-check passes, run as RDD.pipe runs its command (an empty environment but PATH)
//! without Spark itself (benches/spark-local.sh runs it in PySpark's local mode where pyspark and
//! Java are installed). A machine without bash or python3 skips the check that needs it, saying so.

use std::path::Path;
use std::process::Command;

fn repo(p: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p).to_string_lossy().into_owned()
}

fn have(tool: &str) -> bool {
    Command::new(tool).arg("--version").output().is_ok_and(|o| o.status.success())
}

#[test]
fn the_slurm_script_parses() {
    if !have("bash") {
        eprintln!("skipped: no bash");
        return;
    }
    let o = Command::new("bash").args(["-n", &repo("examples/newsseg.sbatch")]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn the_spark_recipe_checks_itself() {
    if !have("python3") {
        eprintln!("skipped: no python3");
        return;
    }
    let bin = Path::new(env!("CARGO_BIN_EXE_newsseg")).parent().unwrap().to_string_lossy().into_owned();
    let path = format!("{bin}:{}", std::env::var("PATH").unwrap_or_default());
    let o = Command::new("python3")
        .arg(repo("examples/spark_pipe.py"))
        .env("PATH", path)
        .env("NEWSSEG_SPARK", "off")
        .output()
        .unwrap();
    let (out, err) = (String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success(), "{out}\n{err}");
    assert!(out.contains("8 pages out, each once") && out.contains("Chinese") && out.contains("record \"file:"), "{out}");
}
