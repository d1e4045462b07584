//! Where each state's tile sits: (USPS code, row, column), rows and columns from 1.
//!
//! The 50 states and DC are geofacet's `us_state_grid1` (MIT License, © 2017 Ryan Hafen;
//! https://github.com/hafen/geofacet, made with hafen/grid-designer), copied as it is; its
//! licence and attribution are in `LICENSE-geofacet.txt` beside this file. Row 8, Puerto Rico
//! and the territories, is our own: Puerto Rico and the Virgin Islands east under Florida, the
//! Pacific territories west under Hawaii and Alaska. Tests in `mod.rs` check that every state
//! of [`crate::states`] has exactly one tile and no two tiles share a place.

/// Rows and columns of the grid.
pub const ROWS: u8 = 8;
pub const COLUMNS: u8 = 11;

/// Sorted by row, then column (reading order: the order of the tiles on the page).
pub const LAYOUT: [(&str, u8, u8); 56] = [
    ("WI", 1, 6),  // Wisconsin
    ("VT", 1, 9),  // Vermont
    ("NH", 1, 10), // New Hampshire
    ("ME", 1, 11), // Maine
    ("WA", 2, 1),  // Washington
    ("ID", 2, 2),  // Idaho
    ("MT", 2, 3),  // Montana
    ("ND", 2, 4),  // North Dakota
    ("MN", 2, 5),  // Minnesota
    ("IL", 2, 6),  // Illinois
    ("MI", 2, 7),  // Michigan
    ("NY", 2, 9),  // New York
    ("MA", 2, 10), // Massachusetts
    ("OR", 3, 1),  // Oregon
    ("NV", 3, 2),  // Nevada
    ("WY", 3, 3),  // Wyoming
    ("SD", 3, 4),  // South Dakota
    ("IA", 3, 5),  // Iowa
    ("IN", 3, 6),  // Indiana
    ("OH", 3, 7),  // Ohio
    ("PA", 3, 8),  // Pennsylvania
    ("NJ", 3, 9),  // New Jersey
    ("CT", 3, 10), // Connecticut
    ("RI", 3, 11), // Rhode Island
    ("CA", 4, 1),  // California
    ("UT", 4, 2),  // Utah
    ("CO", 4, 3),  // Colorado
    ("NE", 4, 4),  // Nebraska
    ("MO", 4, 5),  // Missouri
    ("KY", 4, 6),  // Kentucky
    ("WV", 4, 7),  // West Virginia
    ("VA", 4, 8),  // Virginia
    ("MD", 4, 9),  // Maryland
    ("DE", 4, 10), // Delaware
    ("AZ", 5, 2),  // Arizona
    ("NM", 5, 3),  // New Mexico
    ("KS", 5, 4),  // Kansas
    ("AR", 5, 5),  // Arkansas
    ("TN", 5, 6),  // Tennessee
    ("NC", 5, 7),  // North Carolina
    ("SC", 5, 8),  // South Carolina
    ("DC", 5, 9),  // District of Columbia
    ("OK", 6, 4),  // Oklahoma
    ("LA", 6, 5),  // Louisiana
    ("MS", 6, 6),  // Mississippi
    ("AL", 6, 7),  // Alabama
    ("GA", 6, 8),  // Georgia
    ("HI", 7, 1),  // Hawaii
    ("AK", 7, 2),  // Alaska
    ("TX", 7, 4),  // Texas
    ("FL", 7, 9),  // Florida
    ("MP", 8, 1),  // Northern Mariana Islands
    ("GU", 8, 2),  // Guam
    ("AS", 8, 3),  // American Samoa
    ("PR", 8, 10), // Puerto Rico
    ("VI", 8, 11), // U.S. Virgin Islands
];
