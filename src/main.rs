//! The `aapsh` binary: everything lives in the library; this only passes the arguments and
//! exits with the code pwsh would.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = aapsh::cli::run(&args);
    std::process::exit(code);
}
