# Words shared by every screen.

back = Back
speed-turns = Turns (End Week)
speed-normal = Continuous 1x
speed-fast = Continuous 2x
speed-fastest = Continuous 4x
motion-system = As the system says
motion-reduced = Reduced
motion-full = Full

# A save that failed: what, where, why, and whether the copy before it is kept.
# Where a file is kept in a browser page (its storage has paths, not folders).
storage-in-browser = { $path } in this browser's storage
save-failed = Could not save { $what ->
        [settings] your settings
        [autosave] the autosave
        [copy] a copy of the run
        [class] the class
       *[progress] your progress
    } to { $path }: { $why ->
        [browser-full] the browser's storage for this page is full
        [full] the disk is full
        [too-large] it is larger than this disk or account allows
        [denied] the folder may not be written
       *[other] the file could not be written ({ $error })
    }. { $kept ->
        [yes] The previous copy is kept.
       *[no] Nothing was saved.
    }
