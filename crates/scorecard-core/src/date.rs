//! Calendar dates as feeds use them: ISO `YYYY-MM-DD` in JSON; spreadsheets also write
//! `M/D/YY` and `M/D/YYYY`, which CSV import reads with [`Date::parse_loose`].

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid =
            (1800..=2200).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Strict ISO 8601 calendar date: exactly `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digits(&b[0..4])?;
        let month = digits(&b[5..7])?;
        let day = digits(&b[8..10])?;
        Date::new(year as u16, month as u8, day as u8)
    }

    /// ISO, or U.S. spreadsheet style `M/D/YY` or `M/D/YYYY`. Two-digit years are 2000–2069
    /// for 00–69 and 1970–1999 for 70–99.
    pub fn parse_loose(text: &str) -> Option<Date> {
        let text = text.trim();
        if let Some(date) = Date::parse_iso(text) {
            return Some(date);
        }
        let mut parts = text.split('/');
        let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || m.is_empty() || d.is_empty() || m.len() > 2 || d.len() > 2 {
            return None;
        }
        let month = digits(m.as_bytes())? as u8;
        let day = digits(d.as_bytes())? as u8;
        let year = match y.len() {
            2 => {
                let yy = digits(y.as_bytes())? as u16;
                if yy < 70 {
                    2000 + yy
                } else {
                    1900 + yy
                }
            }
            4 => digits(y.as_bytes())? as u16,
            _ => return None,
        };
        Date::new(year, month, day)
    }

    /// "Mar 27, 2020", for display.
    pub fn display_short(self) -> String {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        format!("{} {}, {}", MONTHS[self.month as usize - 1], self.day, self.year)
    }

    /// The date `days` days after 1970-01-01 (a clock's "today": days since the Unix epoch);
    /// `None` outside the years dates may have. Howard Hinnant's `civil_from_days`.
    pub fn from_unix_days(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(u16::try_from(year).ok()?, month as u8, day as u8)
    }

    /// `YYYY-MM-DD` as bytes, as [`fmt::Display`] writes it, without the formatting machinery.
    pub fn iso_bytes(self) -> [u8; 10] {
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let (y, m, d) = (u32::from(self.year), u32::from(self.month), u32::from(self.day));
        [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ]
    }

    /// A compact key that sorts like the date (not a day count).
    pub fn ordinal(self) -> u32 {
        u32::from(self.year) * 372 + u32::from(self.month) * 31 + u32::from(self.day)
    }
}

impl fmt::Display for Date {
    /// ISO `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// "Nov 23, 2026 at 16:40 UTC" from an ISO 8601 date-time (when a saved copy was made); the
/// date alone if the time is missing, "an earlier visit" if the date is unreadable.
pub fn describe_saved_at(iso: &str) -> String {
    let date = iso.get(..10).and_then(Date::parse_iso).map(|d| d.display_short());
    let time = iso.get(11..16).filter(|t| t.len() == 5);
    match (date, time) {
        (Some(date), Some(time)) => format!("{date} at {time} UTC"),
        (Some(date), None) => date,
        _ => "an earlier visit".to_string(),
    }
}

fn digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(bytes.iter().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_at_in_words() {
        assert_eq!(describe_saved_at("2026-11-23T16:40:05.123Z"), "Nov 23, 2026 at 16:40 UTC");
        assert_eq!(describe_saved_at("2026-11-23"), "Nov 23, 2026");
        assert_eq!(describe_saved_at("yesterday"), "an earlier visit");
        assert_eq!(describe_saved_at(""), "an earlier visit");
    }

    #[test]
    fn iso() {
        assert_eq!(Date::parse_iso("2020-03-27"), Date::new(2020, 3, 27));
        assert_eq!(Date::parse_iso("2020-02-29").map(|d| d.to_string()).as_deref(), Some("2020-02-29"));
        assert_eq!(Date::parse_iso("2019-02-29"), None);
        assert_eq!(Date::parse_iso("2020-13-01"), None);
        assert_eq!(Date::parse_iso("2020-3-27"), None);
        assert_eq!(Date::parse_iso("２０２０-03-27"), None);
        assert_eq!(Date::parse_iso(""), None);
    }

    #[test]
    fn from_unix_days() {
        assert_eq!(Date::from_unix_days(0), Date::new(1970, 1, 1));
        assert_eq!(Date::from_unix_days(11_016), Date::new(2000, 2, 29));
        assert_eq!(Date::from_unix_days(20_605), Date::new(2026, 6, 1));
        assert_eq!(Date::from_unix_days(-1), Date::new(1969, 12, 31));
        assert_eq!(Date::from_unix_days(i64::MAX), None);
        assert_eq!(Date::from_unix_days(10_000_000), None);
    }

    #[test]
    fn loose() {
        assert_eq!(Date::parse_loose("6/5/18"), Date::new(2018, 6, 5));
        assert_eq!(Date::parse_loose("12/31/1999"), Date::new(1999, 12, 31));
        assert_eq!(Date::parse_loose(" 2020-03-27 "), Date::new(2020, 3, 27));
        assert_eq!(Date::parse_loose("6/5"), None);
        assert_eq!(Date::parse_loose("6/5/18/1"), None);
        assert_eq!(Date::parse_loose("31/12/99"), None);
    }

    #[test]
    fn ordering_and_display() {
        let a = Date::new(2019, 12, 31).unwrap();
        let b = Date::new(2020, 1, 1).unwrap();
        assert!(a < b && a.ordinal() < b.ordinal());
        assert_eq!(b.display_short(), "Jan 1, 2020");
        for date in [a, b, Date::new(1800, 1, 1).unwrap(), Date::new(2200, 12, 31).unwrap()] {
            assert_eq!(date.iso_bytes(), date.to_string().as_bytes());
        }
    }
}
