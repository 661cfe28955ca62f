//! Builds the lesson content of `assets/lessons/` into the binaries, so that the kiosk and the
//! server run with no files beside them. (A kiosk can still read lessons from a folder: see
//! `lessons.dir` in `kiosk-config/kiosk.toml`.)

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // Read at run time, not `env!`: a build script compiled for another checkout of the
    // package (a copied target folder) must still embed this checkout's lessons.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    // The lessons live at the top of the workspace, beside the kiosk's other assets.
    let root = Path::new(&manifest_dir).join("../../assets/lessons");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut out =
        String::from("/// Every file of `assets/lessons/`: (path relative to it, bytes).\n");
    out.push_str("pub static EMBEDDED: &[(&str, &[u8])] = &[\n");
    for rel in &files {
        let abs = root.join(rel);
        println!("cargo:rerun-if-changed={}", abs.display());
        writeln!(
            out,
            "    ({rel:?}, include_bytes!({:?})),",
            abs.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded_lessons.rs");
    std::fs::write(dest, out).unwrap();
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("toml" | "svg" | "png" | "jpg" | "jpeg")
        ) {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.push(rel);
        }
    }
}
