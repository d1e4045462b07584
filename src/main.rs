//! Entry point of the standalone page: mounts a widget on every `[data-scorecard]` element.

fn main() {
    scorecard::mount_all();
}
