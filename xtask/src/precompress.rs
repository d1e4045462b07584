//! Precompressed copies of the built site: `file.gz` (gzip -9) and `file.br` (brotli -11) next
//! to every text or wasm file in `dist/`, for static hosts that serve them as they are (nginx
//! `gzip_static`/`brotli_static`, Caddy `precompressed`, Netlify and Cloudflare Pages do it
//! themselves): the best compression, paid once at build time instead of on every request.
//! docs/embed.md ("Hosting the files") says how to serve them.

use std::io::Write;
use std::path::Path;

use crate::Result;

/// What is worth compressing: text and wasm. Images and the like are compressed already.
const COMPRESSIBLE: [&str; 7] = ["html", "js", "css", "wasm", "json", "csv", "svg"];

/// Writes the `.gz` and `.br` of every compressible file under `dir`, where they are smaller.
/// Returns how many files were compressed.
pub fn precompress(dir: &Path) -> Result<usize> {
    let mut count = 0;
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            count += precompress(&path)?;
            continue;
        }
        let wanted = path.extension().and_then(|e| e.to_str()).is_some_and(|e| COMPRESSIBLE.contains(&e));
        if !wanted {
            continue;
        }
        let raw = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (suffix, packed) in [("gz", gzip(&raw)?), ("br", brotli(&raw)?)] {
            let target = path.with_file_name(format!("{}.{suffix}", file_name(&path)));
            if packed.len() < raw.len() {
                std::fs::write(&target, packed).map_err(|e| format!("{}: {e}", target.display()))?;
            } else {
                // A stale copy from an earlier build must not be served in its place.
                let _ = std::fs::remove_file(&target);
            }
        }
        count += 1;
    }
    Ok(count)
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn gzip(raw: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(raw).and_then(|()| encoder.finish()).map_err(|e| format!("gzip: {e}"))
}

fn brotli(raw: &[u8]) -> Result<Vec<u8>> {
    let mut packed = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &raw[..], &mut packed, &params).map_err(|e| format!("brotli: {e}"))?;
    Ok(packed)
}
