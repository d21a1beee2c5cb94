//! A level's best band, swept on Bevy's async compute pool so that the screen asking for
//! it (the debrief, the facilitator's projector) stays responsive meanwhile.

use bevy::tasks::{AsyncComputeTaskPool, Task, futures::check_ready};
use sim::Level;
use sim::whatif::{Band, best_band};
use std::sync::Arc;

/// Seeds of the sweep: enough for a steady band, quick on the largest level.
const BAND_SEEDS: u32 = 20;

/// A sweep under way.
pub struct BandSweep(Task<Band>);

impl BandSweep {
    pub fn start(level: Arc<Level>) -> BandSweep {
        BandSweep(
            AsyncComputeTaskPool::get().spawn(async move { best_band(&level, BAND_SEEDS, 1.0) }),
        )
    }

    /// The band once the sweep is done; `None` while it runs.
    pub fn poll(&mut self) -> Option<Band> {
        check_ready(&mut self.0)
    }
}
