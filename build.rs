//! Build script. For Windows targets it compiles `packaging/windows/chitieu.rc` (the icon of the
//! .exe and its version information) and links it into the `chitieu` binary: with MinGW's
//! `windres` (`x86_64-w64-mingw32-windres` when cross-building from Linux) or with the Windows
//! SDK's `rc.exe`. For every other target it does nothing.

use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return ExitCode::SUCCESS;
    }
    println!("cargo:rerun-if-changed=packaging/windows/chitieu.rc");
    println!("cargo:rerun-if-changed=assets/icon/chitieu.ico");
    let version = |name: &str| std::env::var(name).unwrap_or_else(|_| "0".to_owned());
    let macros = [
        format!("CHITIEU_MAJOR={}", version("CARGO_PKG_VERSION_MAJOR")),
        format!("CHITIEU_MINOR={}", version("CARGO_PKG_VERSION_MINOR")),
        format!("CHITIEU_PATCH={}", version("CARGO_PKG_VERSION_PATCH")),
        format!("CHITIEU_VERSION={}", version("CARGO_PKG_VERSION")),
    ];
    let result = embed_resource::compile_for(
        "packaging/windows/chitieu.rc",
        ["chitieu"],
        embed_resource::ParamsMacrosAndIncludeDirs(&macros, ["assets/icon"]),
    );
    match result.manifest_required() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "the Windows resources (icon, version) could not be compiled: {error}\n\
                 Install a resource compiler: MinGW's windres (Debian: gcc-mingw-w64-x86-64) or \
                 the Windows SDK (rc.exe)."
            );
            ExitCode::FAILURE
        }
    }
}
