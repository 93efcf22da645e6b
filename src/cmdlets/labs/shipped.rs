//! The labs built into aapsh: the files in `labs/` at the root of the source tree, embedded
//! when aapsh is built. Their reference solutions are in `labs/solutions/` (not embedded);
//! `tests/labs.rs` grades every lab with its solution and with an empty script.

/// (name, lab file text), in the order `Get-EmuLab -ListAvailable` numbers them.
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "first-policy",
        include_str!("../../../labs/first-policy.json"),
    ),
    (
        "global-exception",
        include_str!("../../../labs/global-exception.json"),
    ),
    (
        "group-ranks",
        include_str!("../../../labs/group-ranks.json"),
    ),
    (
        "thirty-minutes",
        include_str!("../../../labs/thirty-minutes.json"),
    ),
    ("debug-403", include_str!("../../../labs/debug-403.json")),
    ("bulk-csv", include_str!("../../../labs/bulk-csv.json")),
];

/// A shipped lab by name (any case) or number (`1`, `01`).
pub fn find(typed: &str) -> Option<(&'static str, &'static str)> {
    let typed = typed.trim();
    if let Ok(n) = typed.parse::<usize>() {
        return n.checked_sub(1).and_then(|i| SHIPPED.get(i)).copied();
    }
    SHIPPED
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(typed))
        .copied()
}
