//! Writing a run's files: each page's output under a temporary name renamed into place, by a
//! few writer threads, folders made without following links, and what a killed run left cleaned up.

use super::walk::Shard;
use super::{Failure, Outcome, guarded};
use newsseg::emit::stream::Piece;
use newsseg::error::{Error, ErrorKind, Result};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

/// Whether a page's output file is one whole JSON document as `emit::write_json` writes it. A file
/// cut short by power loss (the rename reached the disk, the data did not) is empty, or zeros, or
/// ends part-way through; a whole one ends its top-level object on the last line: `}\n` after a
/// one-line document, `\n}\n` after an indented one, where no inner brace sits at column 0.
pub(super) fn is_complete(path: &Path) -> bool {
    use std::io::{Seek, SeekFrom};
    let Ok(m) = std::fs::symlink_metadata(path) else { return false };
    if !m.is_file() || m.len() < 3 {
        return false;
    }
    let Ok(mut f) = std::fs::File::open(path) else { return false };
    let (mut head, mut tail) = ([0u8; 2], [0u8; 3]);
    let read = f.read_exact(&mut head).and_then(|()| f.seek(SeekFrom::End(-3))).and_then(|_| f.read_exact(&mut tail));
    if read.is_err() || head[0] != b'{' {
        return false;
    }
    if head[1] == b'\n' { &tail == b"\n}\n" } else { &tail[1..] == b"}\n" }
}

/// Whether a page's JSON was made by this version of newsseg, as its `generator` says near its
/// start (compact or indented): `--resume` makes a page again that another version made, or
/// one made before pages named their maker, so a resumed run does not mix versions.
pub(super) fn made_by_this_version(path: &Path) -> bool {
    let Ok(f) = std::fs::File::open(path) else { return false };
    let mut head = Vec::with_capacity(512);
    if f.take(512).read_to_end(&mut head).is_err() {
        return false;
    }
    head.retain(|b| !b.is_ascii_whitespace());
    let want = format!(r#""generator":{{"name":"newsseg","version":"{}"}}"#, env!("CARGO_PKG_VERSION"));
    memchr::memmem::find(&head, want.as_bytes()).is_some()
}

/// A page's files on their way to disk, and what to report once they are there.
pub(super) struct WriteJob {
    pub(super) seq: u64,
    pub(super) name: String,
    /// The page's METS and its path below the METS folder.
    pub(super) mets: Option<(PathBuf, Vec<u8>)>,
    /// The page's review page and its path below the output folder.
    pub(super) html: Option<(PathBuf, Vec<u8>)>,
    /// The page's JSON, in pieces written one after another, and its path below the output folder.
    pub(super) json: Option<(PathBuf, Vec<Piece>)>,
    pub(super) outcome: Outcome,
}

/// The folders a run writes into: the JSON's (`-o`) and the METS's (`--mets`).
#[derive(Clone, Copy)]
pub(super) struct Roots<'a> {
    pub(super) json: Option<&'a Path>,
    pub(super) mets: Option<&'a Path>,
}

/// How many threads write files. Creating, filling and renaming a file is kernel work beside the
/// page workers', and with `--fsync` mostly waiting for the disk to confirm a flush (about a
/// millisecond a file here): a few writers keep that off the workers and the disk's queue busy.
pub(super) const WRITERS: usize = 4;

pub(super) fn writer(roots: Roots, tag: &str, fsync: bool, jobs: &std::sync::Mutex<mpsc::Receiver<WriteJob>>, done: mpsc::Sender<(u64, Outcome)>) {
    loop {
        let job = match jobs.lock() {
            Ok(rx) => match rx.recv() {
                Ok(j) => j,
                Err(_) => return,
            },
            Err(_) => return,
        };
        let t0 = Instant::now();
        let WriteJob { seq, name, mets, html, json, mut outcome } = job;
        let o = guarded(&name, || {
            // The METS and the review page first: `--resume` goes by the JSON, so a page whose JSON
            // is there has its METS and review page too.
            let mut files = [
                (roots.mets, mets.map(|(rel, data)| (rel, vec![Piece::Bytes(data)]))),
                (roots.json, html.map(|(rel, data)| (rel, vec![Piece::Bytes(data)]))),
                (roots.json, json),
            ];
            let written = files.iter_mut().try_for_each(|(root, file)| match (root, file) {
                (Some(root), Some((rel, pieces))) => write_atomic_with(root, rel, tag, fsync, &mut |f| pieces.iter_mut().try_for_each(|p| p.write_to(f))),
                _ => Ok(()),
            });
            match written {
                Ok(()) => {
                    if let Outcome::Page { secs, .. } = &mut outcome {
                        *secs += t0.elapsed().as_secs_f64();
                    }
                    outcome
                }
                Err(e) => Outcome::Failed(Failure { input: name.clone(), kind: e.kind().to_string(), reason: e.message().to_string() }),
            }
        });
        if done.send((seq, o)).is_err() {
            return;
        }
    }
}

/// The temporary name a page's JSON is written under before it is renamed into place: hidden, not
/// ending in `.json`, and tagged with the shard so a resumed shard cleans only its own.
pub(super) fn tmp_name(name: &str, tag: &str) -> String {
    format!(".{name}.~newsseg-{tag}-{}.tmp", std::process::id())
}

pub(super) fn is_tmp_of(name: &str, tag: Option<&str>) -> bool {
    name.starts_with('.')
        && name.ends_with(".tmp")
        && match tag {
            Some(t) => name.contains(&format!(".~newsseg-{t}-")),
            None => name.contains(".~newsseg-"),
        }
}

/// Creates the folders below `root` that `rel` needs, refusing to go through a symbolic link: an
/// output must land inside the output folder whatever is already in it.
pub(super) fn ensure_dirs(root: &Path, rel: Option<&Path>) -> Result<PathBuf> {
    let check = |cur: &Path| match std::fs::symlink_metadata(cur) {
        Ok(m) if m.is_dir() => Ok(true),
        Ok(m) if m.file_type().is_symlink() => Err(Error::new(
            ErrorKind::Output,
            format!("{} is a symbolic link; newsseg does not write through links inside the output folder", cur.display()),
        )),
        Ok(_) => Err(Error::new(ErrorKind::Output, format!("{} is in the way of a folder", cur.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::new(ErrorKind::Output, format!("cannot reach {}: {e}", cur.display()))),
    };
    let mut cur = root.to_path_buf();
    for c in rel.into_iter().flat_map(Path::components) {
        cur.push(c);
        if !check(&cur)? {
            match std::fs::create_dir(&cur) {
                Ok(()) => {}
                // Another worker made it first; make sure it is a real folder.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    check(&cur)?;
                }
                Err(e) => return Err(Error::new(ErrorKind::Output, format!("cannot create {}: {e}", cur.display()))),
            }
        }
    }
    Ok(cur)
}

/// Writes a page's JSON under a temporary name, then renames it into place, so a crash or kill
/// leaves either the whole file or none. Without `fsync` the rename can reach the disk before the
/// data does: power loss may then leave an empty or short file, which `is_complete` catches on
/// `--resume`. Flushing every file costs a disk round trip per page (a third of the run's time on
/// the development VM), so it is asked for, not imposed.
pub(super) fn write_atomic(root: &Path, rel: &Path, data: &[u8], tag: &str, fsync: bool) -> Result<()> {
    write_atomic_with(root, rel, tag, fsync, &mut |f| f.write_all(data))
}

/// [`write_atomic`] of a file `fill` writes (a page's JSON in pieces).
fn write_atomic_with(root: &Path, rel: &Path, tag: &str, fsync: bool, fill: &mut dyn FnMut(&mut std::fs::File) -> std::io::Result<()>) -> Result<()> {
    let dir = ensure_dirs(root, rel.parent())?;
    let name = rel.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let path = dir.join(&name);
    let tmp = dir.join(tmp_name(&name, tag));
    let res = (|| {
        let create = || std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp);
        let mut f = match create() {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                // Left by a killed run that had the process id we have now.
                std::fs::remove_file(&tmp)?;
                create()?
            }
            r => r?,
        };
        fill(&mut f)?;
        if fsync {
            f.sync_data()?;
        }
        drop(f);
        std::fs::rename(&tmp, &path)
    })();
    res.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::new(ErrorKind::Output, format!("cannot write {}: {e}", path.display()))
    })
}

/// Removes temporary files that a killed run left in the output folder. Without a shard the run
/// owns the whole folder; with one, only that shard's files are touched, so shards sharing a folder
/// do not delete each other's work in progress.
pub(super) fn clean_stale(root: &Path, shard: Option<Shard>) -> (usize, Vec<String>) {
    let tag = shard.map(|s| Shard::tag(Some(s)));
    let mut removed = 0;
    let mut problems = Vec::new();
    for e in walkdir::WalkDir::new(root).follow_links(false).into_iter().flatten() {
        if e.file_type().is_file() && is_tmp_of(&e.file_name().to_string_lossy(), tag.as_deref()) {
            match std::fs::remove_file(e.path()) {
                Ok(()) => removed += 1,
                Err(err) => problems.push(format!("{}: cannot remove stale temporary file: {err}", e.path().display())),
            }
        }
    }
    (removed, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_not_page_json() {
        let t = tmp_name("p.json", "s1of4");
        assert!(!t.ends_with(".json"));
        assert!(is_tmp_of(&t, Some("s1of4")));
        assert!(is_tmp_of(&t, None));
        assert!(!is_tmp_of(&t, Some("s2of4")));
        assert!(!is_tmp_of("p.json", None));
    }
}
