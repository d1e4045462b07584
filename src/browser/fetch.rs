//! Fetching a feed, with a time limit and messages a reader can act on.

use std::cell::RefCell;
use std::fmt;

use gloo_net::http::{Request, Response};
use gloo_timers::callback::Timeout;
use scorecard_core::i18n::Msg;
use wasm_bindgen::{JsCast, JsValue};

/// How long a feed may take to arrive before we give up and offer a retry (`data-timeout`
/// changes it): the embed options' default.
pub use scorecard_core::embed::DEFAULT_TIMEOUT_SECS;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The request failed without an HTTP answer: offline, DNS, or a CORS refusal (browsers
    /// do not tell pages which).
    Network {
        url: String,
    },
    /// The answer started but stopped part-way (connection cut, or shorter than announced).
    Interrupted {
        url: String,
    },
    Status {
        url: String,
        status: u16,
    },
    TimedOut {
        url: String,
        seconds: u32,
    },
}

impl FetchError {
    /// What went wrong, for the reader (keys `load.*`).
    pub fn msg(&self) -> Msg {
        match self {
            FetchError::Network { url } => Msg::new("load.network").text("url", url.clone()),
            FetchError::Interrupted { url } => Msg::new("load.interrupted").text("url", url.clone()),
            FetchError::Status { url, status: 404 } => Msg::new("load.not_found").text("url", url.clone()),
            FetchError::Status { url, status } => {
                Msg::new("load.status").text("url", url.clone()).text("status", status.to_string())
            }
            FetchError::TimedOut { url, seconds } => {
                Msg::new("load.timed_out").count("seconds", *seconds).text("url", url.clone())
            }
        }
    }
}

/// In English (the log, and what a sharded feed's state files say when they fail).
impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg().en())
    }
}

/// A request the loader (web/embed.js) started before the wasm was ready.
struct Prefetched {
    url: String,
    response: js_sys::Promise,
    controller: web_sys::AbortController,
}

thread_local! {
    /// Prefetched feeds not yet taken, one per widget that wants it.
    static PREFETCHED: RefCell<Vec<Prefetched>> = const { RefCell::new(Vec::new()) };
}

/// Keeps the loader's prefetched feed (`{url, response, controller}`) for the widget's first
/// fetch of `wanted`, or cancels it when the widget wants another feed (or none).
pub fn adopt_prefetched(prefetched: &JsValue, wanted: Option<&str>) {
    let field = |name: &str| js_sys::Reflect::get(prefetched, &name.into()).ok();
    let Some(controller) = field("controller").and_then(|c| c.dyn_into::<web_sys::AbortController>().ok()) else {
        return;
    };
    let url = field("url").and_then(|u| u.as_string());
    let response = field("response").and_then(|r| r.dyn_into::<js_sys::Promise>().ok());
    match (url, response) {
        (Some(url), Some(response)) if wanted == Some(url.as_str()) => {
            PREFETCHED.with(|p| p.borrow_mut().push(Prefetched { url, response, controller }));
        }
        _ => controller.abort(),
    }
}

fn take_prefetched(url: &str) -> Option<Prefetched> {
    PREFETCHED.with(|p| {
        let mut p = p.borrow_mut();
        let i = p.iter().position(|f| f.url == url)?;
        Some(p.swap_remove(i))
    })
}

/// The body of `url` as bytes, and its content type.
/// Gives up after `timeout_secs`.
pub async fn fetch_bytes(url: &str, timeout_secs: u32) -> Result<(Vec<u8>, Option<String>), FetchError> {
    let prefetched = take_prefetched(url);
    let controller = match &prefetched {
        Some(p) => Some(p.controller.clone()),
        None => web_sys::AbortController::new().ok(),
    };
    let signal = controller.as_ref().map(|c| c.signal());
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let _timer = controller.clone().map(|controller| {
        let timed_out = timed_out.clone();
        Timeout::new(timeout_secs.saturating_mul(1000), move || {
            timed_out.set(true);
            controller.abort();
        })
    });
    let failure = |timed_out: bool| {
        if timed_out {
            FetchError::TimedOut { url: url.to_string(), seconds: timeout_secs }
        } else {
            FetchError::Network { url: url.to_string() }
        }
    };
    let response = match prefetched {
        Some(p) => wasm_bindgen_futures::JsFuture::from(p.response)
            .await
            .and_then(|r| r.dyn_into::<web_sys::Response>())
            .map(Response::from)
            .map_err(|_| failure(timed_out.get()))?,
        None => Request::get(url).abort_signal(signal.as_ref()).send().await.map_err(|_| failure(timed_out.get()))?,
    };
    if !response.ok() {
        return Err(FetchError::Status { url: url.to_string(), status: response.status() });
    }
    let content_type = response.headers().get("content-type");
    let bytes = response.binary().await.map_err(|_| {
        if timed_out.get() {
            FetchError::TimedOut { url: url.to_string(), seconds: timeout_secs }
        } else {
            FetchError::Interrupted { url: url.to_string() }
        }
    })?;
    Ok((bytes, content_type))
}
