fn main() {
    std::process::exit(forest_and_trees::cli::main());
}
