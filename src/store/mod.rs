//! Temporary stand-in until the store branch lands (same API, in memory).

use std::path::{Path, PathBuf};

#[derive(Debug, Default)]
pub struct TenantInfo {
    pub tenant_id: String,
    pub domain: String,
    pub display_name: String,
}

#[derive(Debug, Default)]
pub struct Tenant {
    pub tenant: TenantInfo,
}

#[derive(Debug, Default)]
pub struct Store {
    tenant: Tenant,
}

#[derive(Debug)]
pub struct StoreError(String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Store {
    pub fn open(_path: &Path) -> Result<Store, StoreError> {
        Ok(Store::default())
    }
    pub fn tenant(&mut self) -> Result<&Tenant, StoreError> {
        Ok(&self.tenant)
    }
}

pub fn default_store_path() -> Option<PathBuf> {
    None
}
