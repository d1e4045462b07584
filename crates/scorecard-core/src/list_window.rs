//! Which rows of a long list to render: those in or near the viewport, so 100,000 officials
//! scroll as smoothly as 100. The widget measures (the list's top, the viewport's height, one
//! row's height); this decides. Rows have one fixed height.

/// Up to this many rows are all rendered; a longer list is windowed.
pub const RENDER_ALL_UP_TO: usize = 120;

/// Whether a list of `count` rows renders only the rows near the viewport.
pub fn windowed(count: usize) -> bool {
    count > RENDER_ALL_UP_TO
}

/// Rows rendered above and below the visible ones, so quick scrolling does not show gaps.
pub const OVERSCAN: usize = 8;
/// Row height (pixels) assumed until one has been measured.
pub const FALLBACK_ROW_HEIGHT: f64 = 136.0;
/// Viewport height (pixels) assumed when the browser does not say.
pub const FALLBACK_VIEWPORT: f64 = 800.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VisibleWindow {
    /// First row to render.
    pub start: usize,
    /// One past the last row to render.
    pub end: usize,
    /// One past the last row in the viewport (`end` adds rows below it, for quick scrolling).
    pub visible_end: usize,
    /// Height of one row (pixels), for the spacers standing in for the others.
    pub row_height: f64,
}

impl VisibleWindow {
    /// Before anything is measured: the first rows of `count`.
    pub fn first(count: usize, row_height: f64) -> VisibleWindow {
        let end = count.min(OVERSCAN * 4);
        VisibleWindow { start: 0, end, visible_end: end, row_height }
    }

    /// The rows of `count` in or near a viewport `viewport` pixels high, for a list whose top is
    /// `top` pixels below the viewport's top (negative once scrolled past).
    pub fn at(count: usize, row_height: f64, viewport: f64, top: f64) -> VisibleWindow {
        // Rows scrolled past the top of the viewport, and how many fit in it.
        let first = ((-top).max(0.0) / row_height) as usize;
        let visible = (viewport / row_height).ceil() as usize + 1;
        let start = first.saturating_sub(OVERSCAN).min(count);
        let end = (first + visible + OVERSCAN).min(count);
        // The row at the bottom edge of the viewport, and one more.
        let visible_end = (((viewport - top) / row_height).max(0.0) as usize + 1).clamp(start, count);
        VisibleWindow { start, end: end.max(start), visible_end, row_height }
    }

    /// This window for a list of `count` rows, measured when it had more: moved up to end at its
    /// last row, its size kept (the browser moves the scroll position up the same way). Until
    /// the list is measured again, a window past its end would slice rows that are gone.
    pub fn within(self, count: usize) -> VisibleWindow {
        if self.end <= count {
            return self;
        }
        let start = count.saturating_sub(self.end - self.start);
        VisibleWindow { start, end: count, visible_end: self.visible_end.clamp(start, count), ..self }
    }

    /// The padding (whole pixels) standing in for `rows` rows not rendered. Whole pixels:
    /// formatting a float would add 20 KB of float printing to the wasm.
    pub fn spacer_px(&self, rows: usize) -> u64 {
        (rows as f64 * self.row_height).round() as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_long_lists_are_windowed() {
        assert!(!windowed(RENDER_ALL_UP_TO));
        assert!(windowed(RENDER_ALL_UP_TO + 1));
    }

    #[test]
    fn a_window_past_a_shorter_list_moves_up_to_its_end() {
        // Scrolled to row 1,000 of 1,015; a filter leaves 404 (found by the soak: the stale
        // window sliced rows 1,000.. of 404 and the widget crashed).
        let scrolled = VisibleWindow::at(1015, 100.0, 800.0, -100_000.0);
        assert_eq!((scrolled.start, scrolled.end), (992, 1015));
        let w = scrolled.within(404);
        assert_eq!((w.start, w.end, w.visible_end), (381, 404, 404));
        assert_eq!(scrolled.within(2000), scrolled, "a window inside the list is kept");
        let tiny = scrolled.within(5);
        assert_eq!((tiny.start, tiny.end, tiny.visible_end), (0, 5, 5));
        assert_eq!(scrolled.within(0).end, 0);
    }

    #[test]
    fn before_measuring_the_first_rows() {
        assert_eq!(
            VisibleWindow::first(10, 100.0),
            VisibleWindow { start: 0, end: 10, visible_end: 10, row_height: 100.0 }
        );
        assert_eq!(VisibleWindow::first(1000, 100.0).end, 32);
    }

    #[test]
    fn at_the_top_the_screenful_and_the_overscan() {
        // A list 200 px down an 800 px viewport, rows 100 px: rows 0–5 show.
        let w = VisibleWindow::at(1000, 100.0, 800.0, 200.0);
        assert_eq!((w.start, w.end, w.visible_end), (0, 17, 7));
    }

    #[test]
    fn scrolled_down_overscan_both_ways() {
        let w = VisibleWindow::at(1000, 100.0, 800.0, -5000.0);
        assert_eq!((w.start, w.end, w.visible_end), (42, 67, 59));
        assert_eq!(w.spacer_px(w.start), 4200);
    }

    #[test]
    fn never_past_the_end() {
        let w = VisibleWindow::at(20, 100.0, 800.0, -100_000.0);
        assert_eq!((w.start, w.end, w.visible_end), (20, 20, 20));
        let w = VisibleWindow::at(0, 100.0, 800.0, 0.0);
        assert_eq!((w.start, w.end, w.visible_end), (0, 0, 0));
    }

    #[test]
    fn spacers_are_whole_pixels() {
        assert_eq!(VisibleWindow::first(5, 33.4).spacer_px(3), 100);
    }
}
