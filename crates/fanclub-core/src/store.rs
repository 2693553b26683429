//! The storage contract. One implementation (fanclub-store) serves SQLite and PostgreSQL;
//! a `Store` is scoped to one account, so nothing here can read another member's data.
//!
//! Every method that writes more than one row does so in one transaction: it either
//! happens whole or not at all.

use std::sync::Arc;

use async_trait::async_trait;

use crate::import::{ImportPlan, ImportSummary, PersonMerge};
use crate::{
    Connection, ConnectionId, CoreResult, Counts, Day, Decision, DecisionId, Evidence, EvidenceId,
    Framework, Goal, GoalId, Interaction, InteractionFilter, InteractionId, IsoWeek, Opportunity,
    OpportunityId, PerceptionCheck, PerceptionId, Person, PersonDeletion, PersonId, Record,
    SearchHit, Settings, Share, StanceChange, WeeklyReview, Win, WinId, Workspace,
};

/// The last time I was in touch with a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastContact {
    pub person: PersonId,
    pub on: Day,
    /// How many interactions in all.
    pub count: u64,
}

#[async_trait]
pub trait Store: Send + Sync {
    // People. Creating a person records their first stance on `since`; an update that
    // changes the stance records the change on `on`.
    async fn create_person(&self, person: &Person, since: Day) -> CoreResult<Record<Person>>;
    async fn update_person(&self, person: &Record<Person>, on: Day) -> CoreResult<Record<Person>>;
    async fn get_person(&self, id: PersonId) -> CoreResult<Record<Person>>;
    /// Everyone, ordered by name.
    async fn list_people(&self) -> CoreResult<Vec<Record<Person>>>;
    /// Everyone, as `list_people`, in a list that may be shared with other readers: for
    /// those that only read it, without a copy of every record.
    async fn shared_people(&self) -> CoreResult<Arc<Vec<Record<Person>>>> {
        Ok(Arc::new(self.list_people().await?))
    }
    /// Removes the person and what is only about them; detaches what merely mentions them.
    async fn delete_person(&self, id: PersonId) -> CoreResult<PersonDeletion>;
    /// One person's stance history, oldest first.
    async fn stance_history(&self, person: PersonId) -> CoreResult<Vec<Record<StanceChange>>>;
    /// Every stance change on or after `since`, oldest first.
    async fn stance_changes_since(&self, since: Day) -> CoreResult<Vec<Record<StanceChange>>>;
    /// For each person with at least one interaction: the last one's date and the count,
    /// aggregated by the database.
    async fn last_contacts(&self) -> CoreResult<Vec<LastContact>>;

    // Connections (who knows whom). (a, b) and (b, a) are one connection.
    async fn create_connection(&self, c: &Connection) -> CoreResult<Record<Connection>>;
    async fn update_connection(&self, c: &Record<Connection>) -> CoreResult<Record<Connection>>;
    async fn get_connection(&self, id: ConnectionId) -> CoreResult<Record<Connection>>;
    async fn list_connections(&self) -> CoreResult<Vec<Record<Connection>>>;
    /// As `list_connections`, shared as `shared_people` is.
    async fn shared_connections(&self) -> CoreResult<Arc<Vec<Record<Connection>>>> {
        Ok(Arc::new(self.list_connections().await?))
    }
    /// The connections one person is part of, by id (served by an index: a person page
    /// must not read the whole network).
    async fn connections_of(&self, person: PersonId) -> CoreResult<Vec<Record<Connection>>>;
    async fn delete_connection(&self, id: ConnectionId) -> CoreResult<()>;

    // Interactions.
    async fn create_interaction(&self, i: &Interaction) -> CoreResult<Record<Interaction>>;
    async fn update_interaction(&self, i: &Record<Interaction>) -> CoreResult<Record<Interaction>>;
    async fn get_interaction(&self, id: InteractionId) -> CoreResult<Record<Interaction>>;
    /// Newest first.
    async fn list_interactions(
        &self,
        filter: &InteractionFilter,
    ) -> CoreResult<Vec<Record<Interaction>>>;
    /// As `list_interactions`, shared as `shared_people` is.
    async fn shared_interactions(
        &self,
        filter: &InteractionFilter,
    ) -> CoreResult<Arc<Vec<Record<Interaction>>>> {
        Ok(Arc::new(self.list_interactions(filter).await?))
    }
    async fn delete_interaction(&self, id: InteractionId) -> CoreResult<()>;

    // Business goals. Deleting a goal unlinks it from its wins.
    async fn create_goal(&self, g: &Goal) -> CoreResult<Record<Goal>>;
    async fn update_goal(&self, g: &Record<Goal>) -> CoreResult<Record<Goal>>;
    async fn get_goal(&self, id: GoalId) -> CoreResult<Record<Goal>>;
    async fn list_goals(&self) -> CoreResult<Vec<Record<Goal>>>;
    async fn delete_goal(&self, id: GoalId) -> CoreResult<()>;

    // Wins, with their goals, tracks, links and shares. Deleting a win detaches its evidence.
    async fn create_win(&self, w: &Win) -> CoreResult<Record<Win>>;
    async fn update_win(&self, w: &Record<Win>) -> CoreResult<Record<Win>>;
    async fn get_win(&self, id: WinId) -> CoreResult<Record<Win>>;
    /// Newest first.
    async fn list_wins(&self) -> CoreResult<Vec<Record<Win>>>;
    async fn delete_win(&self, id: WinId) -> CoreResult<()>;
    /// Record that someone learned about a win.
    async fn add_share(&self, win: WinId, share: &Share) -> CoreResult<Record<Win>>;

    // The competency framework: the default until the member saves their own.
    async fn get_framework(&self) -> CoreResult<Framework>;
    async fn save_framework(&self, f: &Framework) -> CoreResult<()>;

    // Evidence.
    async fn create_evidence(&self, e: &Evidence) -> CoreResult<Record<Evidence>>;
    async fn update_evidence(&self, e: &Record<Evidence>) -> CoreResult<Record<Evidence>>;
    async fn get_evidence(&self, id: EvidenceId) -> CoreResult<Record<Evidence>>;
    /// Newest first.
    async fn list_evidence(&self) -> CoreResult<Vec<Record<Evidence>>>;
    async fn delete_evidence(&self, id: EvidenceId) -> CoreResult<()>;

    // Perception checks.
    async fn create_perception(&self, p: &PerceptionCheck) -> CoreResult<Record<PerceptionCheck>>;
    async fn update_perception(
        &self,
        p: &Record<PerceptionCheck>,
    ) -> CoreResult<Record<PerceptionCheck>>;
    async fn get_perception(&self, id: PerceptionId) -> CoreResult<Record<PerceptionCheck>>;
    /// Newest first.
    async fn list_perceptions(&self) -> CoreResult<Vec<Record<PerceptionCheck>>>;
    async fn delete_perception(&self, id: PerceptionId) -> CoreResult<()>;

    // Opportunities.
    async fn create_opportunity(&self, o: &Opportunity) -> CoreResult<Record<Opportunity>>;
    async fn update_opportunity(&self, o: &Record<Opportunity>) -> CoreResult<Record<Opportunity>>;
    async fn get_opportunity(&self, id: OpportunityId) -> CoreResult<Record<Opportunity>>;
    /// Newest first.
    async fn list_opportunities(&self) -> CoreResult<Vec<Record<Opportunity>>>;
    async fn delete_opportunity(&self, id: OpportunityId) -> CoreResult<()>;

    // Decisions and their rooms.
    async fn create_decision(&self, d: &Decision) -> CoreResult<Record<Decision>>;
    async fn update_decision(&self, d: &Record<Decision>) -> CoreResult<Record<Decision>>;
    async fn get_decision(&self, id: DecisionId) -> CoreResult<Record<Decision>>;
    /// By date, soonest first.
    async fn list_decisions(&self) -> CoreResult<Vec<Record<Decision>>>;
    async fn delete_decision(&self, id: DecisionId) -> CoreResult<()>;

    // Weekly reviews, one per ISO week: saving a week that exists replaces it.
    async fn save_review(&self, r: &WeeklyReview) -> CoreResult<Record<WeeklyReview>>;
    async fn get_review(&self, week: IsoWeek) -> CoreResult<Option<Record<WeeklyReview>>>;
    /// Newest week first.
    async fn list_reviews(&self) -> CoreResult<Vec<Record<WeeklyReview>>>;
    async fn delete_review(&self, week: IsoWeek) -> CoreResult<()>;

    // Settings.
    async fn get_settings(&self) -> CoreResult<Settings>;
    async fn save_settings(&self, s: &Settings) -> CoreResult<()>;

    // The private calendar feed: one secret token per account, or none while it is off.
    /// The current token, if the feed is on.
    async fn calendar_token(&self) -> CoreResult<Option<String>>;
    /// A new random token replacing the old one (which stops working); turns the feed on.
    async fn rotate_calendar_token(&self) -> CoreResult<String>;
    /// Turn the feed off: the token is removed and no link works.
    async fn remove_calendar_token(&self) -> CoreResult<()>;

    // Full-text search over people, interactions, wins and evidence, kept current by the
    // database itself. `query` is what the member typed: any text is safe (no operators);
    // every word must match, the last one as a prefix. Best matches first, at most `limit`.
    async fn search(&self, query: &str, limit: u32) -> CoreResult<Vec<SearchHit>>;

    // The whole workspace.
    /// How many records of each kind this account holds.
    async fn counts(&self) -> CoreResult<Counts>;
    /// A number that changes whenever anything in this workspace's database changes, from
    /// this process or another. `None` when the store cannot tell cheaply; a caller must
    /// then not reuse anything it read before.
    async fn revision(&self) -> CoreResult<Option<i64>> {
        Ok(None)
    }
    /// Every record of this account, each list ordered by id.
    async fn export_workspace(&self) -> CoreResult<Workspace>;
    /// Write a whole workspace into this account in one transaction, giving every record a
    /// new id and rewriting the references; refuses (Conflict) unless the account is empty.
    /// Returns the new id of each person, in the workspace's order.
    async fn import_workspace(&self, ws: &Workspace) -> CoreResult<Vec<PersonId>>;
    /// Delete every record of this account in one transaction (settings and framework too).
    async fn clear_workspace(&self) -> CoreResult<()>;

    // Imports and merges.
    /// The `external_ref` of every interaction that has one (what earlier imports added).
    async fn external_refs(&self) -> CoreResult<Vec<String>>;
    /// Who each meeting a calendar import added is with, by its `external_ref`: a
    /// re-import adds the people the member has added since.
    async fn calendar_participants(&self) -> CoreResult<Vec<(String, PersonId)>>;
    /// Write an import plan in one transaction: all of it, or nothing.
    async fn apply_import(&self, plan: &ImportPlan) -> CoreResult<ImportSummary>;
    /// Fold `duplicate` into `keep` in one transaction: every record that points at the
    /// duplicate moves to `keep`, `keep`'s empty fields are filled, the duplicate is removed.
    async fn merge_people(&self, keep: PersonId, duplicate: PersonId) -> CoreResult<PersonMerge>;
}
