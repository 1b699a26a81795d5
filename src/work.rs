//! The work a page costs, counted as the pipeline goes, and the page's deadline, looked at as the
//! count grows: what lets a test see that a page costs work in proportion to its size (a count
//! does not vary with the machine as a clock does), and lets a run stop a page that runs away.
//!
//! The count and the deadline belong to the thread, as a page is processed on one thread. The
//! pipeline's loops add to the count where their work grows with the page (entries of the
//! stories' index visited, candidates weighed, seams scored, pieces compared); every
//! `STRIDE` units the clock is read, and past the deadline the page's work unwinds from that
//! point, which is always one where the page holds nothing shared: its state is its own and is
//! dropped on the way out. [`within`] turns that unwinding into [`TimedOut`].

use std::cell::Cell;
use std::time::Instant;

thread_local! {
    static DONE: Cell<u64> = const { Cell::new(0) };
    static LOOK_AT: Cell<u64> = const { Cell::new(u64::MAX) };
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
    static WIDEST_LINK: Cell<usize> = const { Cell::new(0) };
}

/// Notes that `units` units of text are linked together: what the linker's working state grows
/// with, and what a long page's windows bound (see [`crate::window`]).
pub fn linking(units: usize) {
    WIDEST_LINK.with(|w| w.set(w.get().max(units)));
}

/// The most units linked together on this thread since the last call (0 for none).
pub fn take_widest_link() -> usize {
    WIDEST_LINK.with(|w| w.replace(0))
}

/// Units of work between two readings of the clock: a few milliseconds of the pipeline at most,
/// and a reading (tens of nanoseconds) every few hundred thousand units costs nothing to see.
const STRIDE: u64 = 1 << 18;

/// Adds `n` units of work done on this thread; past the deadline, unwinds the page's work.
#[inline]
pub fn add(n: u64) {
    let total = DONE.with(|d| {
        let t = d.get().wrapping_add(n);
        d.set(t);
        t
    });
    if total >= LOOK_AT.with(Cell::get) {
        look(total);
    }
}

#[cold]
fn look(total: u64) {
    if let Some(d) = DEADLINE.with(Cell::get) {
        if Instant::now() >= d {
            LOOK_AT.with(|l| l.set(u64::MAX));
            // Not `panic!`: no panic hook runs, so nothing is printed for a page stopped on purpose.
            std::panic::resume_unwind(Box::new(TimedOut));
        }
        LOOK_AT.with(|l| l.set(total.saturating_add(STRIDE)));
    }
}

/// The units of work counted on this thread so far (it only grows; take a difference).
pub fn done() -> u64 {
    DONE.with(Cell::get)
}

/// A page stopped at its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimedOut;

/// Runs `f` (one page's work) with a deadline, if any: `Err(TimedOut)` if it was stopped there.
/// A panic of any other kind goes on unwinding as it came.
pub fn within<T>(deadline: Option<Instant>, f: impl FnOnce() -> T) -> Result<T, TimedOut> {
    let Some(d) = deadline else { return Ok(f()) };
    let before = (DEADLINE.with(|x| x.replace(Some(d))), LOOK_AT.with(|x| x.replace(done().saturating_add(STRIDE))));
    let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    DEADLINE.with(|x| x.set(before.0));
    LOOK_AT.with(|x| x.set(before.1));
    match res {
        Ok(v) => Ok(v),
        Err(p) if p.is::<TimedOut>() => Err(TimedOut),
        Err(p) => std::panic::resume_unwind(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn work_past_the_deadline_is_stopped_and_the_thread_goes_on() {
        let spin = || loop {
            add(1000);
        };
        let r: Result<(), _> = within(Some(Instant::now() + Duration::from_millis(20)), spin);
        assert_eq!(r, Err(TimedOut));
        // No deadline now: work is only counted.
        let before = done();
        add(5);
        assert_eq!(done() - before, 5);
        assert_eq!(within(Some(Instant::now() + Duration::from_secs(60)), || 7), Ok(7));
    }

    #[test]
    fn another_panic_is_not_a_timeout() {
        let r = std::panic::catch_unwind(|| within(Some(Instant::now() + Duration::from_secs(60)), || panic!("a bug")));
        assert!(r.is_err());
    }
}
