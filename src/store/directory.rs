//! Directory changes made through the Microsoft Graph cmdlets (users, groups, group members,
//! app registrations and their application permissions), the project's own keys they keep on
//! those entries, and the decision the Graph side makes for an app acting on behalf of a user.
//!
//! Owns what each directory change does and refuses (a refused change leaves the tenant as it
//! was) and the access check: application permission first (from the token, so never delayed),
//! then the effective application access policy (from the Graph side's view, which may lag, see
//! `propagation`). It must not resolve typed identities or word cmdlet errors.

use super::access::PolicySource;
use super::error::StoreError;
use super::model::{Application, ExtraKeys, Group, Tenant, User, same_id, same_name};

/// Application permission that lets an app read online meetings for any user.
pub const READ_PERMISSION: &str = "OnlineMeetings.Read.All";
/// Application permission that lets an app create, change and delete online meetings.
pub const WRITE_PERMISSION: &str = "OnlineMeetings.ReadWrite.All";

/// Keys the Graph cmdlets keep on directory entries (the project's own keys; store-format.md
/// lets a writer add keys to an entry).
pub mod keys {
    pub const MAIL: &str = "mail";
    pub const MAIL_NICKNAME: &str = "mailNickname";
    pub const ACCOUNT_ENABLED: &str = "accountEnabled";
    pub const GIVEN_NAME: &str = "givenName";
    pub const SURNAME: &str = "surname";
    pub const JOB_TITLE: &str = "jobTitle";
    pub const DEPARTMENT: &str = "department";
    pub const USAGE_LOCATION: &str = "usageLocation";
    pub const DESCRIPTION: &str = "description";
    pub const MAIL_ENABLED: &str = "mailEnabled";
    pub const SECURITY_ENABLED: &str = "securityEnabled";
    pub const GROUP_TYPES: &str = "groupTypes";
    /// An application's object id (not its appId).
    pub const ID: &str = "id";
    pub const SIGN_IN_AUDIENCE: &str = "signInAudience";
    pub const PUBLISHER_DOMAIN: &str = "publisherDomain";
    pub const CREATED_DATE_TIME: &str = "createdDateTime";
    // Users' attributes that Get-CsOnlineUser shows (store-format.md, "Users").
    pub const ACCOUNT_TYPE: &str = "accountType";
    pub const FEATURE_TYPES: &str = "featureTypes";
    pub const LINE_URI: &str = "lineUri";
    pub const ENTERPRISE_VOICE_ENABLED: &str = "enterpriseVoiceEnabled";
    pub const INTERPRETED_USER_TYPE: &str = "interpretedUserType";
    pub const WHEN_CHANGED: &str = "whenChanged";
    pub const CITY: &str = "city";
    pub const STATE: &str = "state";
    pub const STREET_ADDRESS: &str = "streetAddress";
    pub const COUNTRY: &str = "country";
    pub const COMPANY_NAME: &str = "companyName";
    pub const PREFERRED_LANGUAGE: &str = "preferredLanguage";
    // App registrations' keys for the Graph application cmdlets (store-format.md).
    pub const SERVICE_PRINCIPAL_ID: &str = "servicePrincipalId";
    pub const REQUIRED_RESOURCE_ACCESS: &str = "requiredResourceAccess";
    pub const OAUTH2_PERMISSION_GRANTS: &str = "oauth2PermissionGrants";
    pub const NOTES: &str = "notes";
    /// A group that has a team (Get-MgUserJoinedTeam).
    pub const RESOURCE_PROVISIONING_OPTIONS: &str = "resourceProvisioningOptions";
    /// On a group assignment: when and by whom it was made.
    pub const CREATED_TIME: &str = "createdTime";
    pub const CREATED_BY: &str = "createdBy";
}

impl Tenant {
    pub(crate) fn new_user(
        &mut self,
        object_id: &str,
        upn: &str,
        display_name: &str,
        properties: &ExtraKeys,
    ) -> Result<(), StoreError> {
        if self.users.iter().any(|u| same_id(&u.object_id, object_id)) {
            return Err(StoreError::conflict(format!(
                "A user with objectId \"{object_id}\" already exists."
            )));
        }
        if self
            .users
            .iter()
            .any(|u| same_name(&u.user_principal_name, upn))
        {
            return Err(StoreError::conflict(format!(
                "A user with userPrincipalName \"{upn}\" already exists."
            )));
        }
        self.users.push(User {
            object_id: object_id.to_string(),
            user_principal_name: upn.to_string(),
            display_name: display_name.to_string(),
            sip_address: format!("sip:{upn}"),
            extra: properties.clone(),
        });
        self.reindex();
        Ok(())
    }

    /// Removes a user with their group memberships, direct assignment and meetings.
    pub(crate) fn remove_user(&mut self, user_id: &str) -> Result<(), StoreError> {
        let index = self
            .users
            .iter()
            .position(|u| same_id(&u.object_id, user_id))
            .ok_or_else(|| StoreError::conflict(format!("No user has objectId \"{user_id}\".")))?;
        let id = self.users.remove(index).object_id;
        self.reindex();
        for g in &mut self.groups {
            g.members.retain(|m| !same_id(m, &id));
        }
        self.assignments.users.retain(|u, _| !same_id(u, &id));
        for family in self.families.values_mut() {
            family.assignments.users.retain(|u, _| !same_id(u, &id));
        }
        self.update_emulator(|state| {
            state
                .online_meetings
                .retain(|m| !same_id(&m.organizer_id, &id));
            Ok(())
        })
    }

    pub(crate) fn new_group(
        &mut self,
        object_id: &str,
        display_name: &str,
        properties: &ExtraKeys,
    ) -> Result<(), StoreError> {
        if self.groups.iter().any(|g| same_id(&g.object_id, object_id)) {
            return Err(StoreError::conflict(format!(
                "A group with objectId \"{object_id}\" already exists."
            )));
        }
        self.groups.push(Group {
            object_id: object_id.to_string(),
            display_name: display_name.to_string(),
            members: Vec::new(),
            extra: properties.clone(),
        });
        self.reindex();
        Ok(())
    }

    fn group_mut(&mut self, group_id: &str) -> Result<&mut Group, StoreError> {
        self.groups
            .iter_mut()
            .find(|g| same_id(&g.object_id, group_id))
            .ok_or_else(|| StoreError::conflict(format!("No group has objectId \"{group_id}\".")))
    }

    pub(crate) fn add_group_member(
        &mut self,
        group_id: &str,
        user_id: &str,
    ) -> Result<(), StoreError> {
        let user = self
            .user_by_id(user_id)
            .map(|u| u.object_id.clone())
            .ok_or_else(|| StoreError::conflict(format!("No user has objectId \"{user_id}\".")))?;
        let group = self.group_mut(group_id)?;
        if group.members.iter().any(|m| same_id(m, &user)) {
            return Err(StoreError::conflict(format!(
                "\"{user}\" is already a member of the group \"{}\".",
                group.display_name
            )));
        }
        group.members.push(user);
        Ok(())
    }

    pub(crate) fn remove_group_member(
        &mut self,
        group_id: &str,
        user_id: &str,
    ) -> Result<(), StoreError> {
        let group = self.group_mut(group_id)?;
        let before = group.members.len();
        group.members.retain(|m| !same_id(m, user_id));
        if group.members.len() == before {
            return Err(StoreError::conflict(format!(
                "\"{user_id}\" is not a member of the group \"{}\".",
                group.display_name
            )));
        }
        Ok(())
    }

    pub(crate) fn new_application(
        &mut self,
        app_id: &str,
        display_name: &str,
        properties: &ExtraKeys,
    ) -> Result<(), StoreError> {
        if self.find_application(app_id).is_some() {
            return Err(StoreError::conflict(format!(
                "An application with appId \"{app_id}\" already exists."
            )));
        }
        self.applications.push(Application {
            app_id: app_id.to_string(),
            display_name: display_name.to_string(),
            permissions: Vec::new(),
            extra: properties.clone(),
        });
        Ok(())
    }

    pub(crate) fn update_application(
        &mut self,
        app_id: &str,
        display_name: Option<&str>,
        properties: &ExtraKeys,
    ) -> Result<(), StoreError> {
        let app = self
            .applications
            .iter_mut()
            .find(|a| same_id(&a.app_id, app_id))
            .ok_or_else(|| {
                StoreError::conflict(format!("No application has appId \"{app_id}\"."))
            })?;
        if let Some(name) = display_name {
            app.display_name = name.to_string();
        }
        for (key, value) in properties {
            if value.is_null() {
                app.extra.shift_remove(key);
            } else {
                app.extra.insert(key.clone(), value.clone());
            }
        }
        Ok(())
    }

    pub(crate) fn remove_application(&mut self, app_id: &str) -> Result<(), StoreError> {
        let before = self.applications.len();
        self.applications.retain(|a| !same_id(&a.app_id, app_id));
        if self.applications.len() == before {
            return Err(StoreError::conflict(format!(
                "No application has appId \"{app_id}\"."
            )));
        }
        Ok(())
    }

    pub(crate) fn set_app_permissions(
        &mut self,
        app_id: &str,
        permissions: &[String],
    ) -> Result<(), StoreError> {
        let app = self
            .applications
            .iter_mut()
            .find(|a| same_id(&a.app_id, app_id))
            .ok_or_else(|| {
                StoreError::conflict(format!("No application has appId \"{app_id}\"."))
            })?;
        app.permissions = permissions.to_vec();
        Ok(())
    }

    pub(crate) fn stamp_group_assignment(
        &mut self,
        group_id: &str,
        created_time: &str,
        created_by: &str,
    ) -> Result<(), StoreError> {
        let grant = self
            .assignments
            .groups
            .iter_mut()
            .find(|g| same_id(&g.group_id, group_id))
            .ok_or_else(|| {
                StoreError::conflict(format!(
                    "The group \"{group_id}\" has no policy assignment."
                ))
            })?;
        grant.extra.insert(
            keys::CREATED_TIME.to_string(),
            serde_json::Value::from(created_time),
        );
        grant.extra.insert(
            keys::CREATED_BY.to_string(),
            serde_json::Value::from(created_by),
        );
        Ok(())
    }

    pub(crate) fn normalize_group_ranks(&mut self) {
        super::change::normalize_ranks(&mut self.assignments.groups);
    }

    /// Whether the app holds an application permission (case-insensitive).
    pub fn app_has_permission(&self, app_id: &str, permission: &str) -> bool {
        self.find_application(app_id).is_some_and(|a| {
            a.permissions
                .iter()
                .any(|p| p.eq_ignore_ascii_case(permission))
        })
    }
}

/// What an app may do with a user's online meetings, and why (see `Tenant::app_access`).
#[derive(Clone, Debug, PartialEq)]
pub struct AppAccess {
    pub app_registered: bool,
    /// `OnlineMeetings.Read.All` or `OnlineMeetings.ReadWrite.All`.
    pub read_permission: bool,
    /// `OnlineMeetings.ReadWrite.All`.
    pub write_permission: bool,
    /// The effective policy's identity on the Graph side (`None` only for a hand-built tenant
    /// whose grant names a missing policy).
    pub policy: Option<String>,
    pub source: PolicySource,
    /// One sentence: which source won.
    pub reason: String,
    /// The effective policy lists the app.
    pub policy_allows: bool,
}

impl AppAccess {
    pub fn can_read(&self) -> bool {
        self.read_permission && self.policy_allows
    }

    pub fn can_write(&self) -> bool {
        self.write_permission && self.policy_allows
    }
}

impl Tenant {
    /// The decision for `app_id` acting for `user_id`: permissions from this (current) tenant,
    /// the policy from `graph_view` (the Graph side's possibly older view, `graph_view()`).
    pub fn app_access(&self, graph_view: &Tenant, app_id: &str, user_id: &str) -> AppAccess {
        let write_permission = self.app_has_permission(app_id, WRITE_PERMISSION);
        let read_permission = write_permission || self.app_has_permission(app_id, READ_PERMISSION);
        let effective = graph_view.effective_policy(user_id);
        AppAccess {
            app_registered: self.find_application(app_id).is_some(),
            read_permission,
            write_permission,
            policy: effective.policy.map(|p| p.identity.clone()),
            source: effective.source.clone(),
            reason: effective.reason.clone(),
            policy_allows: effective.allows_app(app_id),
        }
    }
}

/// The whole answer for one app and one user: what Graph decides now, what it will decide once
/// every pending change has arrived, and when that happens.
#[derive(Clone, Debug, PartialEq)]
pub struct AccessExplanation {
    /// The Graph side now (after the propagation delay).
    pub graph: AppAccess,
    /// The tenant as the Teams cmdlets show it (every change arrived).
    pub current: AppAccess,
    /// When the Graph side's answer (read, write) becomes the current one, if it differs now.
    pub takes_effect: Option<time::OffsetDateTime>,
}

impl Tenant {
    /// Explains `app_id` acting for `user_id` at `now` (see `AccessExplanation`).
    pub fn explain_access(
        &self,
        app_id: &str,
        user_id: &str,
        now: time::OffsetDateTime,
    ) -> AccessExplanation {
        let view = self.graph_view(now);
        let graph = self.app_access(&view, app_id, user_id);
        let current = self.app_access(self, app_id, user_id);
        let answer = |a: &AppAccess| (a.can_read(), a.can_write());
        let target = answer(&current);
        let mut takes_effect = None;
        if answer(&graph) != target {
            for (at, view) in self.pending_views(now) {
                let a = answer(&self.app_access(&view, app_id, user_id));
                if a == target {
                    takes_effect.get_or_insert(at);
                } else {
                    takes_effect = None;
                }
            }
        }
        AccessExplanation {
            graph,
            current,
            takes_effect,
        }
    }
}
