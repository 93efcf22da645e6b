//! The `aapsh` binary: everything lives in the library; this only passes the arguments and
//! exits with the code pwsh would.

/// Deeply nested scripts recurse in the interpreter; give it room beyond the default 8 MiB
/// (the parser and the call-depth limit keep the recursion bounded).
const STACK_SIZE: usize = 256 * 1024 * 1024;

fn main() {
    // `args_os`, not `args`: an argument that is not UTF-8 (a file name, say) must not panic.
    // The shell reads each as text except the store path, which stays an OsString.
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let code = std::thread::Builder::new()
        .name("aapsh".into())
        .stack_size(STACK_SIZE)
        .spawn(move || aapsh::shell::run_os(&args))
        .ok()
        .and_then(|handle| handle.join().ok())
        .unwrap_or(1);
    std::process::exit(code);
}
