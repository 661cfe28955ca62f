//! The idle rule that protects the next person at a shared PC: after a quiet period the kiosk
//! warns ("Are you still there?"), and if nobody answers it wipes the session.

use std::time::{Duration, Instant};

/// How long the kiosk waits, counted from the last input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdleTimes {
    /// Quiet time before the warning appears.
    pub warn_after: Duration,
    /// Quiet time before everything is wiped; always longer than `warn_after`.
    pub wipe_after: Duration,
}

/// Where the session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdlePhase {
    /// Someone is using the kiosk; the warning comes in `warn_in`.
    Active { warn_in: Duration },
    /// The warning is showing; the wipe comes in `wipe_in`.
    Warning { wipe_in: Duration },
    /// Time is up: wipe now.
    Expired,
    /// A volunteer paused the wipe while guiding someone.
    Paused,
}

/// Tracks the last input and answers which [`IdlePhase`] applies.
#[derive(Debug, Clone)]
pub struct IdleTimer {
    last_input: Instant,
    paused: bool,
}

impl IdleTimer {
    pub fn new(now: Instant) -> Self {
        Self {
            last_input: now,
            paused: false,
        }
    }

    /// Any input (touch, click, key, scroll) counts as someone being there.
    pub fn input(&mut self, now: Instant) {
        self.last_input = now;
    }

    pub fn set_paused(&mut self, paused: bool, now: Instant) {
        self.paused = paused;
        self.last_input = now;
    }

    pub fn is_paused(&self) -> bool {
        self.paused
    }

    pub fn phase(&self, now: Instant, times: IdleTimes) -> IdlePhase {
        if self.paused {
            return IdlePhase::Paused;
        }
        let quiet = now.saturating_duration_since(self.last_input);
        if quiet >= times.wipe_after {
            IdlePhase::Expired
        } else if quiet >= times.warn_after {
            IdlePhase::Warning {
                wipe_in: times.wipe_after - quiet,
            }
        } else {
            IdlePhase::Active {
                warn_in: times.warn_after - quiet,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TIMES: IdleTimes = IdleTimes {
        warn_after: Duration::from_secs(60),
        wipe_after: Duration::from_secs(90),
    };

    #[test]
    fn phases_follow_the_quiet_time() {
        let t0 = Instant::now();
        let timer = IdleTimer::new(t0);
        assert_eq!(
            timer.phase(t0 + Duration::from_secs(10), TIMES),
            IdlePhase::Active {
                warn_in: Duration::from_secs(50)
            }
        );
        assert_eq!(
            timer.phase(t0 + Duration::from_secs(60), TIMES),
            IdlePhase::Warning {
                wipe_in: Duration::from_secs(30)
            }
        );
        assert_eq!(
            timer.phase(t0 + Duration::from_secs(90), TIMES),
            IdlePhase::Expired
        );
    }

    #[test]
    fn input_restarts_the_wait() {
        let t0 = Instant::now();
        let mut timer = IdleTimer::new(t0);
        timer.input(t0 + Duration::from_secs(70));
        assert!(matches!(
            timer.phase(t0 + Duration::from_secs(100), TIMES),
            IdlePhase::Active { .. }
        ));
    }

    #[test]
    fn paused_never_expires() {
        let t0 = Instant::now();
        let mut timer = IdleTimer::new(t0);
        timer.set_paused(true, t0);
        assert_eq!(
            timer.phase(t0 + Duration::from_secs(100_000), TIMES),
            IdlePhase::Paused
        );
        timer.set_paused(false, t0 + Duration::from_secs(100_000));
        assert!(matches!(
            timer.phase(t0 + Duration::from_secs(100_001), TIMES),
            IdlePhase::Active { .. }
        ));
    }
}
