//! Turns values and error records into text the way pwsh's formatter does. Owns views, collection
//! rendering, error views and colour. Must not evaluate script or touch the store.
