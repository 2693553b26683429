//! `Store` for `SqlStore`: each method traced, and handed to the module that owns its
//! concept.

use std::sync::Arc;

use async_trait::async_trait;
use fanclub_core::import::{ImportPlan, ImportSummary, PersonMerge};
use fanclub_core::store::LastContact;
use fanclub_core::{
    Connection, ConnectionId, CoreResult, Counts, Day, Decision, DecisionId, Evidence, EvidenceId,
    Framework, Goal, GoalId, Interaction, InteractionFilter, InteractionId, IsoWeek, Opportunity,
    OpportunityId, PerceptionCheck, PerceptionId, Person, PersonDeletion, PersonId, Record,
    SearchHit, Settings, Share, StanceChange, Store, WeeklyReview, Win, WinId, Workspace,
};

use crate::{Reads, SqlStore};

#[async_trait]
impl Store for SqlStore {
    #[tracing::instrument(skip_all)]
    async fn create_person(&self, person: &Person, since: Day) -> CoreResult<Record<Person>> {
        self.create_person_tx(person, since).await
    }

    #[tracing::instrument(skip_all)]
    async fn update_person(&self, person: &Record<Person>, on: Day) -> CoreResult<Record<Person>> {
        self.update_person_tx(person, on).await
    }

    #[tracing::instrument(skip_all)]
    async fn get_person(&self, id: PersonId) -> CoreResult<Record<Person>> {
        self.get_person_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn list_people(&self) -> CoreResult<Vec<Record<Person>>> {
        Ok(Arc::unwrap_or_clone(self.shared_people().await?))
    }

    #[tracing::instrument(skip_all)]
    async fn shared_people(&self) -> CoreResult<Arc<Vec<Record<Person>>>> {
        self.shared_rows("people", Reads::rows(&["people"], "people"), |kept| {
            self.people_patched(kept)
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn delete_person(&self, id: PersonId) -> CoreResult<PersonDeletion> {
        self.delete_person_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn stance_history(&self, person: PersonId) -> CoreResult<Vec<Record<StanceChange>>> {
        self.stance_history_tx(person).await
    }

    #[tracing::instrument(skip_all)]
    async fn stance_changes_since(&self, since: Day) -> CoreResult<Vec<Record<StanceChange>>> {
        self.cached(
            format!("stance_changes_since {since}"),
            Reads::kinds(&["stance_changes"]),
            || self.stance_changes_since_tx(since),
        )
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn last_contacts(&self) -> CoreResult<Vec<LastContact>> {
        self.cached_rows(
            "last_contacts",
            Reads::rows(&["contact_summary"], "contact_summary"),
            |kept| self.last_contacts_patched(kept),
        )
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn create_connection(&self, c: &Connection) -> CoreResult<Record<Connection>> {
        self.create_connection_tx(c).await
    }

    #[tracing::instrument(skip_all)]
    async fn update_connection(&self, c: &Record<Connection>) -> CoreResult<Record<Connection>> {
        self.update_connection_tx(c).await
    }

    #[tracing::instrument(skip_all)]
    async fn get_connection(&self, id: ConnectionId) -> CoreResult<Record<Connection>> {
        self.get_connection_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn list_connections(&self) -> CoreResult<Vec<Record<Connection>>> {
        Ok(Arc::unwrap_or_clone(self.shared_connections().await?))
    }

    #[tracing::instrument(skip_all)]
    async fn shared_connections(&self) -> CoreResult<Arc<Vec<Record<Connection>>>> {
        let reads = Reads::kinds(&["connections"]);
        self.shared_rows("connections", reads, |_| self.list_connections_tx())
            .await
    }

    #[tracing::instrument(skip_all)]
    async fn connections_of(&self, person: PersonId) -> CoreResult<Vec<Record<Connection>>> {
        self.connections_of_tx(person).await
    }

    #[tracing::instrument(skip_all)]
    async fn delete_connection(&self, id: ConnectionId) -> CoreResult<()> {
        self.delete_connection_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn create_interaction(&self, i: &Interaction) -> CoreResult<Record<Interaction>> {
        self.create_interaction_tx(i).await
    }

    #[tracing::instrument(skip_all)]
    async fn update_interaction(&self, i: &Record<Interaction>) -> CoreResult<Record<Interaction>> {
        self.update_interaction_tx(i).await
    }

    #[tracing::instrument(skip_all)]
    async fn get_interaction(&self, id: InteractionId) -> CoreResult<Record<Interaction>> {
        self.get_interaction_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn list_interactions(
        &self,
        filter: &InteractionFilter,
    ) -> CoreResult<Vec<Record<Interaction>>> {
        Ok(Arc::unwrap_or_clone(
            self.shared_interactions(filter).await?,
        ))
    }

    #[tracing::instrument(skip_all)]
    async fn shared_interactions(
        &self,
        filter: &InteractionFilter,
    ) -> CoreResult<Arc<Vec<Record<Interaction>>>> {
        // Kept only when bounded: the whole history can be a million rows.
        if filter.open_follow_ups || filter.limit.is_some() || filter.person.is_some() {
            let key = format!("interactions {filter:?}");
            let reads = Reads::rows(&["interactions"], "interactions");
            self.shared_rows(key, reads, |kept| self.interactions_patched(filter, kept))
                .await
        } else {
            Ok(Arc::new(self.list_interactions_tx(filter).await?))
        }
    }

    #[tracing::instrument(skip_all)]
    async fn delete_interaction(&self, id: InteractionId) -> CoreResult<()> {
        self.delete_interaction_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn create_goal(&self, g: &Goal) -> CoreResult<Record<Goal>> {
        self.create_goal_tx(g).await
    }

    #[tracing::instrument(skip_all)]
    async fn update_goal(&self, g: &Record<Goal>) -> CoreResult<Record<Goal>> {
        self.update_goal_tx(g).await
    }

    #[tracing::instrument(skip_all)]
    async fn get_goal(&self, id: GoalId) -> CoreResult<Record<Goal>> {
        self.get_goal_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn list_goals(&self) -> CoreResult<Vec<Record<Goal>>> {
        self.cached("goals", Reads::kinds(&["goals"]), || self.list_goals_tx())
            .await
    }

    #[tracing::instrument(skip_all)]
    async fn delete_goal(&self, id: GoalId) -> CoreResult<()> {
        self.delete_goal_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn create_win(&self, w: &Win) -> CoreResult<Record<Win>> {
        self.create_win_tx(w).await
    }

    #[tracing::instrument(skip_all)]
    async fn update_win(&self, w: &Record<Win>) -> CoreResult<Record<Win>> {
        self.update_win_tx(w).await
    }

    #[tracing::instrument(skip_all)]
    async fn get_win(&self, id: WinId) -> CoreResult<Record<Win>> {
        self.get_win_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn list_wins(&self) -> CoreResult<Vec<Record<Win>>> {
        self.cached("wins", Reads::kinds(&["wins", "goals"]), || {
            self.list_wins_tx()
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn delete_win(&self, id: WinId) -> CoreResult<()> {
        self.delete_win_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn add_share(&self, win: WinId, share: &Share) -> CoreResult<Record<Win>> {
        self.add_share_tx(win, share).await
    }

    #[tracing::instrument(skip_all)]
    async fn get_framework(&self) -> CoreResult<Framework> {
        self.cached("get_framework", Reads::kinds(&["documents"]), || {
            self.get_framework_tx()
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn save_framework(&self, f: &Framework) -> CoreResult<()> {
        self.save_framework_tx(f).await
    }

    #[tracing::instrument(skip_all)]
    async fn create_evidence(&self, e: &Evidence) -> CoreResult<Record<Evidence>> {
        self.create_evidence_tx(e).await
    }

    #[tracing::instrument(skip_all)]
    async fn update_evidence(&self, e: &Record<Evidence>) -> CoreResult<Record<Evidence>> {
        self.update_evidence_tx(e).await
    }

    #[tracing::instrument(skip_all)]
    async fn get_evidence(&self, id: EvidenceId) -> CoreResult<Record<Evidence>> {
        self.get_evidence_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn list_evidence(&self) -> CoreResult<Vec<Record<Evidence>>> {
        self.cached("evidence", Reads::kinds(&["evidence"]), || {
            self.list_evidence_tx()
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn delete_evidence(&self, id: EvidenceId) -> CoreResult<()> {
        self.delete_evidence_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn create_perception(&self, p: &PerceptionCheck) -> CoreResult<Record<PerceptionCheck>> {
        self.create_perception_tx(p).await
    }

    #[tracing::instrument(skip_all)]
    async fn update_perception(
        &self,
        p: &Record<PerceptionCheck>,
    ) -> CoreResult<Record<PerceptionCheck>> {
        self.update_perception_tx(p).await
    }

    #[tracing::instrument(skip_all)]
    async fn get_perception(&self, id: PerceptionId) -> CoreResult<Record<PerceptionCheck>> {
        self.get_perception_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn list_perceptions(&self) -> CoreResult<Vec<Record<PerceptionCheck>>> {
        self.cached("perceptions", Reads::kinds(&["perception_checks"]), || {
            self.list_perceptions_tx()
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn delete_perception(&self, id: PerceptionId) -> CoreResult<()> {
        self.delete_perception_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn create_opportunity(&self, o: &Opportunity) -> CoreResult<Record<Opportunity>> {
        self.create_opportunity_tx(o).await
    }

    #[tracing::instrument(skip_all)]
    async fn update_opportunity(&self, o: &Record<Opportunity>) -> CoreResult<Record<Opportunity>> {
        self.update_opportunity_tx(o).await
    }

    #[tracing::instrument(skip_all)]
    async fn get_opportunity(&self, id: OpportunityId) -> CoreResult<Record<Opportunity>> {
        self.get_opportunity_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn list_opportunities(&self) -> CoreResult<Vec<Record<Opportunity>>> {
        self.cached("opportunities", Reads::kinds(&["opportunities"]), || {
            self.list_opportunities_tx()
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn delete_opportunity(&self, id: OpportunityId) -> CoreResult<()> {
        self.delete_opportunity_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn create_decision(&self, d: &Decision) -> CoreResult<Record<Decision>> {
        self.create_decision_tx(d).await
    }

    #[tracing::instrument(skip_all)]
    async fn update_decision(&self, d: &Record<Decision>) -> CoreResult<Record<Decision>> {
        self.update_decision_tx(d).await
    }

    #[tracing::instrument(skip_all)]
    async fn get_decision(&self, id: DecisionId) -> CoreResult<Record<Decision>> {
        self.get_decision_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn list_decisions(&self) -> CoreResult<Vec<Record<Decision>>> {
        self.cached("decisions", Reads::kinds(&["decisions"]), || {
            self.list_decisions_tx()
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn delete_decision(&self, id: DecisionId) -> CoreResult<()> {
        self.delete_decision_tx(id).await
    }

    #[tracing::instrument(skip_all)]
    async fn save_review(&self, r: &WeeklyReview) -> CoreResult<Record<WeeklyReview>> {
        self.save_review_tx(r).await
    }

    #[tracing::instrument(skip_all)]
    async fn get_review(&self, week: IsoWeek) -> CoreResult<Option<Record<WeeklyReview>>> {
        self.get_review_tx(week).await
    }

    #[tracing::instrument(skip_all)]
    async fn list_reviews(&self) -> CoreResult<Vec<Record<WeeklyReview>>> {
        self.cached("reviews", Reads::kinds(&["reviews"]), || {
            self.list_reviews_tx()
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn delete_review(&self, week: IsoWeek) -> CoreResult<()> {
        self.delete_review_tx(week).await
    }

    #[tracing::instrument(skip_all)]
    async fn get_settings(&self) -> CoreResult<Settings> {
        self.cached("get_settings", Reads::kinds(&["documents"]), || {
            self.get_settings_tx()
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn save_settings(&self, s: &Settings) -> CoreResult<()> {
        self.save_settings_tx(s).await
    }

    #[tracing::instrument(skip_all)]
    async fn calendar_token(&self) -> CoreResult<Option<String>> {
        self.calendar_token_tx().await
    }

    #[tracing::instrument(skip_all)]
    async fn rotate_calendar_token(&self) -> CoreResult<String> {
        self.rotate_calendar_token_tx().await
    }

    #[tracing::instrument(skip_all)]
    async fn remove_calendar_token(&self) -> CoreResult<()> {
        self.remove_calendar_token_tx().await
    }

    #[tracing::instrument(skip_all)]
    async fn search(&self, query: &str, limit: u32) -> CoreResult<Vec<SearchHit>> {
        self.search_tx(query, limit).await
    }

    #[tracing::instrument(skip_all)]
    async fn counts(&self) -> CoreResult<Counts> {
        match self.read_cache() {
            Some(_) => self.counts_kept().await,
            None => self.counts_tx().await,
        }
    }

    async fn revision(&self) -> CoreResult<Option<i64>> {
        match self.read_cache() {
            Some(cache) => cache.version().await.map(Some),
            None => Ok(None),
        }
    }

    #[tracing::instrument(skip_all)]
    async fn export_workspace(&self) -> CoreResult<Workspace> {
        self.export_workspace_tx().await
    }

    #[tracing::instrument(skip_all)]
    async fn import_workspace(&self, ws: &Workspace) -> CoreResult<Vec<PersonId>> {
        self.import_workspace_tx(ws).await
    }

    #[tracing::instrument(skip_all)]
    async fn clear_workspace(&self) -> CoreResult<()> {
        self.clear_workspace_tx().await
    }

    #[tracing::instrument(skip_all)]
    async fn external_refs(&self) -> CoreResult<Vec<String>> {
        self.external_refs_tx().await
    }

    #[tracing::instrument(skip_all)]
    async fn calendar_participants(&self) -> CoreResult<Vec<(String, PersonId)>> {
        self.calendar_participants_tx().await
    }

    #[tracing::instrument(skip_all)]
    async fn apply_import(&self, plan: &ImportPlan) -> CoreResult<ImportSummary> {
        self.apply_import_tx(plan).await
    }

    #[tracing::instrument(skip_all)]
    async fn merge_people(&self, keep: PersonId, duplicate: PersonId) -> CoreResult<PersonMerge> {
        self.merge_people_tx(keep, duplicate).await
    }
}
