//! The session clock. `AAPSH_NOW` (RFC 3339) fixes the start so transcripts are reproducible;
//! `Start-Sleep` advances the clock at once instead of blocking.

use time::{Duration, OffsetDateTime};

#[derive(Clone, Debug)]
pub struct Clock {
    start: OffsetDateTime,
    /// `None` when the clock is fixed (it then moves only by `advance`).
    real_start: Option<std::time::Instant>,
    advanced: Duration,
}

impl Clock {
    /// A fixed clock starting at `start`.
    pub fn fixed(start: OffsetDateTime) -> Clock {
        Clock {
            start,
            real_start: None,
            advanced: Duration::ZERO,
        }
    }

    /// The wall clock.
    pub fn system() -> Clock {
        Clock {
            start: OffsetDateTime::now_utc(),
            real_start: Some(std::time::Instant::now()),
            advanced: Duration::ZERO,
        }
    }

    /// From `AAPSH_NOW` when set and valid, else the wall clock. An invalid value is an error
    /// the caller reports.
    pub fn from_env_value(value: Option<&str>) -> Result<Clock, String> {
        match value {
            None => Ok(Clock::system()),
            Some(text) => {
                OffsetDateTime::parse(text.trim(), &time::format_description::well_known::Rfc3339)
                    .map(Clock::fixed)
                    .map_err(|e| format!("AAPSH_NOW must be an RFC 3339 date-time ({e}): {text}"))
            }
        }
    }

    /// When the session started, on this clock.
    pub fn start(&self) -> OffsetDateTime {
        self.start
    }

    pub fn now(&self) -> OffsetDateTime {
        let real = self
            .real_start
            .map(|s| Duration::try_from(s.elapsed()).unwrap_or(Duration::ZERO))
            .unwrap_or(Duration::ZERO);
        // Whole ticks: the digits below a tick mark a date's kind (`value::date_kind`).
        super::value::ticks_of(self.start + real + self.advanced)
    }

    pub fn advance(&mut self, by: Duration) {
        if by.is_positive() {
            self.advanced += by;
        }
    }
}

/// Generated ids (GUIDs for new objects, request ids): seeded by `AAPSH_SEED` for reproducible
/// transcripts.
#[derive(Clone, Debug)]
pub struct IdGenerator {
    rng: fastrand::Rng,
}

impl IdGenerator {
    pub fn new(seed: Option<u64>) -> IdGenerator {
        IdGenerator {
            rng: match seed {
                Some(s) => fastrand::Rng::with_seed(s),
                None => fastrand::Rng::new(),
            },
        }
    }

    /// A random (version 4) GUID.
    pub fn new_guid(&mut self) -> uuid::Uuid {
        let mut bytes = [0u8; 16];
        self.rng.fill(&mut bytes);
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }

    pub fn next_u64(&mut self) -> u64 {
        self.rng.u64(..)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_moves_only_when_advanced() {
        let mut c = Clock::from_env_value(Some("2026-11-26T10:00:00Z")).unwrap();
        let t0 = c.now();
        c.advance(Duration::minutes(30));
        assert_eq!(c.now() - t0, Duration::minutes(30));
        assert!(Clock::from_env_value(Some("tomorrow")).is_err());
    }

    #[test]
    fn seeded_ids_repeat() {
        let a = IdGenerator::new(Some(7)).new_guid();
        let b = IdGenerator::new(Some(7)).new_guid();
        assert_eq!(a, b);
        assert_eq!(a.get_version_num(), 4);
    }
}
