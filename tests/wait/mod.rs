//! Waiting in the component tests: Yew renders after an event in a task of its own, and some
//! things wait for a paint, so a test waits for what it expects to see rather than for a fixed
//! time, and when it never comes, says what it waited for and what it saw instead.

use std::time::Duration;

/// How long a test waits for what it expects before it fails.
pub const PATIENCE: Duration = Duration::from_secs(5);

/// Waits until `probe` answers `Ok`, and returns its value. Between tries it lets the page run
/// (Yew render, the browser paint). After [`PATIENCE`] it fails, naming `what` it waited for
/// and the last `Err` it saw.
pub async fn wait_for<T>(what: &str, mut probe: impl FnMut() -> Result<T, String>) -> T {
    let started = js_sys::Date::now();
    loop {
        match probe() {
            Ok(value) => return value,
            Err(seen) if js_sys::Date::now() - started > PATIENCE.as_millis() as f64 => {
                panic!("waited {} s for {what}; saw {seen}", PATIENCE.as_secs())
            }
            Err(_) => yew::platform::time::sleep(Duration::from_millis(2)).await,
        }
    }
}

/// Waits until `ready()` holds (see [`wait_for`]).
pub async fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    wait_for(what, || if ready() { Ok(()) } else { Err("not yet".into()) }).await
}
