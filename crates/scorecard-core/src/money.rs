//! Amounts of money in whole cents, and how people type and read them.

use std::fmt;

/// An amount in U.S. cents. Whole cents only: no floating point anywhere near money.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cents(pub u64);

/// The movement's emblematic small gift.
pub const DEFAULT_AMOUNT: Cents = Cents(27_00);
/// Smallest gift the shortlist accepts.
pub const MIN_AMOUNT: Cents = Cents(1_00);
/// Largest gift per official: a guard against typos (an extra zero or two), well above what
/// small donors give and what campaigns may accept from one person.
pub const MAX_AMOUNT: Cents = Cents(10_000_00);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    NotANumber,
    TooManyDecimals,
    BelowMinimum,
    AboveMaximum,
}

impl AmountError {
    /// What the amount field says, in the reader's language.
    pub fn msg(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            AmountError::NotANumber => Msg::new("amount.not_a_number"),
            AmountError::TooManyDecimals => Msg::new("amount.too_many_decimals"),
            AmountError::BelowMinimum => Msg::new("amount.below_minimum").money("amount", MIN_AMOUNT),
            AmountError::AboveMaximum => Msg::new("amount.above_maximum").money("amount", MAX_AMOUNT),
        }
    }
}

impl Cents {
    /// Reads what a person types: `27`, `$27`, `27.5`, `27.50`, `1,000`, ` 27 `.
    /// Does not check the allowed range; see [`Cents::parse_gift`].
    pub fn parse(text: &str) -> Result<Cents, AmountError> {
        let text = text.trim();
        let text = text.strip_prefix('$').unwrap_or(text).trim_start();
        let (whole, fraction) = match text.split_once('.') {
            Some((whole, fraction)) => (whole, fraction),
            None => (text, ""),
        };
        let whole_digits: String = whole.chars().filter(|c| *c != ',').collect();
        let commas_ok = !whole.starts_with(',') && !whole.contains(",,");
        if (whole_digits.is_empty() && fraction.is_empty())
            || !commas_ok
            || !whole_digits.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
            || whole_digits.len() > 12
        {
            return Err(AmountError::NotANumber);
        }
        if fraction.len() > 2 {
            return Err(AmountError::TooManyDecimals);
        }
        let dollars: u64 =
            if whole_digits.is_empty() { 0 } else { whole_digits.parse().map_err(|_| AmountError::NotANumber)? };
        let cents: u64 = match fraction.len() {
            0 => 0,
            1 => u64::from(fraction.as_bytes()[0] - b'0') * 10,
            _ => fraction.parse().map_err(|_| AmountError::NotANumber)?,
        };
        Ok(Cents(dollars * 100 + cents))
    }

    /// Parses and checks the amount is a gift the shortlist accepts.
    pub fn parse_gift(text: &str) -> Result<Cents, AmountError> {
        Cents::parse(text).and_then(Cents::check_gift)
    }

    pub fn check_gift(self) -> Result<Cents, AmountError> {
        if self < MIN_AMOUNT {
            Err(AmountError::BelowMinimum)
        } else if self > MAX_AMOUNT {
            Err(AmountError::AboveMaximum)
        } else {
            Ok(self)
        }
    }

    /// Plain decimal for form fields and URLs: `27`, `27.50`.
    pub fn plain(self) -> String {
        if self.0.is_multiple_of(100) {
            (self.0 / 100).to_string()
        } else {
            format!("{}.{:02}", self.0 / 100, self.0 % 100)
        }
    }
}

impl fmt::Display for Cents {
    /// `$27`, `$27.50`, `$1,000`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dollars = crate::diagnostics::group_thousands(self.0 / 100);
        if self.0.is_multiple_of(100) {
            write!(f, "${dollars}")
        } else {
            write!(f, "${dollars}.{:02}", self.0 % 100)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        assert_eq!(Cents::parse("27"), Ok(Cents(2700)));
        assert_eq!(Cents::parse("$27"), Ok(Cents(2700)));
        assert_eq!(Cents::parse(" $ 27.5 "), Ok(Cents(2750)));
        assert_eq!(Cents::parse("27.05"), Ok(Cents(2705)));
        assert_eq!(Cents::parse("1,000"), Ok(Cents(100000)));
        assert_eq!(Cents::parse(".50"), Ok(Cents(50)));
        assert_eq!(Cents::parse("27."), Ok(Cents(2700)));
        assert_eq!(Cents::parse("27.505"), Err(AmountError::TooManyDecimals));
        // Twelve digits of dollars are read (and refused as a gift after); thirteen are not.
        assert_eq!(Cents::parse("999,999,999,999"), Ok(Cents(99_999_999_999_900)));
        assert_eq!(Cents::parse("1000000000000"), Err(AmountError::NotANumber));
        for bad in ["", "abc", "-5", "2e3", "NaN", "1,,000", ",5", "27.5.0", "１２", "99999999999999999"] {
            assert_eq!(Cents::parse(bad), Err(AmountError::NotANumber), "{bad}");
        }
    }

    #[test]
    fn gift_range() {
        assert_eq!(Cents::parse_gift("0.99"), Err(AmountError::BelowMinimum));
        assert_eq!(Cents::parse_gift("1"), Ok(MIN_AMOUNT));
        assert_eq!(Cents::parse_gift("10000"), Ok(MAX_AMOUNT));
        assert_eq!(Cents::parse_gift("10000.01"), Err(AmountError::AboveMaximum));
        let said = [
            (AmountError::NotANumber, "Enter an amount in dollars, like 27 or 27.50."),
            (AmountError::TooManyDecimals, "Use at most two digits after the decimal point."),
            (AmountError::BelowMinimum, "The smallest amount is $1."),
            (AmountError::AboveMaximum, "The largest amount per official is $10,000."),
        ];
        for (error, text) in said {
            assert_eq!(error.msg().en(), text);
        }
    }

    #[test]
    fn display() {
        assert_eq!(Cents(2700).to_string(), "$27");
        assert_eq!(Cents(2750).to_string(), "$27.50");
        assert_eq!(Cents(123456789).to_string(), "$1,234,567.89");
        assert_eq!(Cents(2705).plain(), "27.05");
        assert_eq!(Cents(2700).plain(), "27");
    }
}
