#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(forest_and_trees::cli::main());
}

/// In a browser the page is the game: no command line, and the browser drives the frames
/// (`App::run` returns at once there, and exiting the process would only trap).
#[cfg(target_arch = "wasm32")]
fn main() {
    forest_and_trees::app::run_web();
}
