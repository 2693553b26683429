//! The single-table records: evidence, perception checks and opportunities.

use fanclub_core::{
    CoreResult, Evidence, EvidenceId, Opportunity, OpportunityId, PerceptionCheck, PerceptionId,
    Record, Title,
};
use sqlx::AnyConnection;

use crate::SqlStore;
use crate::documents::load_framework;
use crate::rows::{At, day_text, id, record, to_json};
use crate::sql::{
    EVIDENCE, INTERACTION, OPPORTUNITY, PERCEPTION, PERSON, Sql, WIN, delete_one, ensure_exist,
    insert_rows,
};
use crate::violation::DbResult;

#[derive(sqlx::FromRow, serde::Deserialize)]
pub(crate) struct EvidenceRow {
    id: i64,
    on_day: String,
    track: String,
    strength: String,
    source: String,
    summary: String,
    quote: Option<String>,
    person_id: Option<i64>,
    win_id: Option<i64>,
    interaction_id: Option<i64>,
}

/// The columns of `EvidenceRow`, in its order.
const EVIDENCE_COLUMNS: &str =
    "id, on_day, track, strength, source, summary, quote, person_id, win_id, interaction_id";

macro_rules! select_evidence {
    ($tail:literal) => {
        concat!(
            "SELECT id, on_day, track, strength, source, summary, quote, person_id, win_id, interaction_id \
             FROM evidence ",
            $tail
        )
    };
}
pub(crate) use select_evidence;

impl EvidenceRow {
    pub(crate) fn into_record(self) -> CoreResult<Record<Evidence>> {
        let at = At::new("evidence", self.id);
        Ok(record(
            self.id,
            Evidence {
                on: at.parse("on_day", &self.on_day)?,
                track: at.parse("track", &self.track)?,
                strength: at.parse("strength", &self.strength)?,
                source: at.parse("source", &self.source)?,
                summary: at.ok("summary", Title::parse(&self.summary))?,
                quote: self.quote,
                person: self.person_id.map(id),
                win: self.win_id.map(id),
                interaction: self.interaction_id.map(id),
            },
        ))
    }
}

/// Insert evidence whose references are already this account's ids.
pub(crate) async fn insert_evidence(
    conn: &mut AnyConnection,
    account: i64,
    rows: &[&Evidence],
) -> CoreResult<Vec<i64>> {
    insert_rows(
        conn,
        "INSERT INTO evidence (account_id, on_day, track, strength, source, summary, quote, person_id, \
         win_id, interaction_id)",
        10,
        rows,
        true,
        None,
        |t, e| {
            t.bind(account);
            bind_evidence(t, e);
        },
    )
    .await
}

fn bind_evidence(t: &mut crate::sql::Tuple<'_>, e: &Evidence) {
    t.bind(day_text(e.on))
        .bind(e.track.as_str().to_string())
        .bind(e.strength.as_str())
        .bind(e.source.as_str())
        .bind(e.summary.as_str().to_string())
        .bind(e.quote.clone())
        .bind(e.person.map(|p| p.get()))
        .bind(e.win.map(|w| w.get()))
        .bind(e.interaction.map(|i| i.get()));
}

/// Validate evidence against the stored framework and check what it points at.
async fn check_evidence(conn: &mut AnyConnection, account: i64, e: &Evidence) -> CoreResult<()> {
    let framework = load_framework(conn, account).await?;
    e.validate(&framework)?;
    ensure_exist(conn, account, &PERSON, e.person.map(|p| p.get()).as_slice()).await?;
    ensure_exist(conn, account, &WIN, e.win.map(|w| w.get()).as_slice()).await?;
    ensure_exist(
        conn,
        account,
        &INTERACTION,
        e.interaction.map(|i| i.get()).as_slice(),
    )
    .await
}

#[derive(sqlx::FromRow)]
pub(crate) struct PerceptionRow {
    id: i64,
    person_id: i64,
    on_day: String,
    description: String,
    gap: Option<String>,
    remedy: Option<String>,
    status: String,
}

macro_rules! select_perception {
    ($tail:literal) => {
        concat!(
            "SELECT id, person_id, on_day, description, gap, remedy, status FROM perception_checks ",
            $tail
        )
    };
}
pub(crate) use select_perception;

impl PerceptionRow {
    pub(crate) fn into_record(self) -> CoreResult<Record<PerceptionCheck>> {
        let at = At::new("perception_checks", self.id);
        Ok(record(
            self.id,
            PerceptionCheck {
                person: id(self.person_id),
                on: at.parse("on_day", &self.on_day)?,
                description: self.description,
                gap: self.gap,
                remedy: self.remedy,
                status: at.parse("status", &self.status)?,
            },
        ))
    }
}

pub(crate) async fn insert_perceptions(
    conn: &mut AnyConnection,
    account: i64,
    rows: &[&PerceptionCheck],
) -> CoreResult<Vec<i64>> {
    insert_rows(
        conn,
        "INSERT INTO perception_checks (account_id, person_id, on_day, description, gap, remedy, status)",
        7,
        rows,
        true,
        None,
        |t, p| {
            t.bind(account)
                .bind(p.person.get())
                .bind(day_text(p.on))
                .bind(p.description.clone())
                .bind(p.gap.clone())
                .bind(p.remedy.clone())
                .bind(p.status.as_str());
        },
    )
    .await
}

#[derive(sqlx::FromRow)]
pub(crate) struct OpportunityRow {
    id: i64,
    title: String,
    kind: String,
    on_day: String,
    sponsor_id: Option<i64>,
    status: String,
    tracks: String,
    notes: Option<String>,
}

macro_rules! select_opportunity {
    ($tail:literal) => {
        concat!(
            "SELECT id, title, kind, on_day, sponsor_id, status, tracks, notes FROM opportunities ",
            $tail
        )
    };
}
pub(crate) use select_opportunity;

impl OpportunityRow {
    pub(crate) fn into_record(self) -> CoreResult<Record<Opportunity>> {
        let at = At::new("opportunities", self.id);
        Ok(record(
            self.id,
            Opportunity {
                title: at.ok("title", Title::parse(&self.title))?,
                kind: at.parse("kind", &self.kind)?,
                on: at.parse("on_day", &self.on_day)?,
                sponsor: self.sponsor_id.map(id),
                status: at.parse("status", &self.status)?,
                tracks: at.json("tracks", &self.tracks)?,
                notes: self.notes,
            },
        ))
    }
}

pub(crate) async fn insert_opportunities(
    conn: &mut AnyConnection,
    account: i64,
    rows: &[&Opportunity],
) -> CoreResult<Vec<i64>> {
    let encoded = rows
        .iter()
        .map(|o| Ok((*o, to_json(&o.tracks)?)))
        .collect::<CoreResult<Vec<_>>>()?;
    insert_rows(
        conn,
        "INSERT INTO opportunities (account_id, title, kind, on_day, sponsor_id, status, tracks, notes)",
        8,
        &encoded,
        true,
        None,
        |t, (o, tracks)| {
            t.bind(account)
                .bind(o.title.as_str().to_string())
                .bind(o.kind.as_str())
                .bind(day_text(o.on))
                .bind(o.sponsor.map(|p| p.get()))
                .bind(o.status.as_str())
                .bind(tracks.clone())
                .bind(o.notes.clone());
        },
    )
    .await
}

impl SqlStore {
    pub(crate) async fn create_evidence_tx(&self, e: &Evidence) -> CoreResult<Record<Evidence>> {
        let mut tx = self.begin().await?;
        check_evidence(&mut tx, self.account(), e).await?;
        let ids = insert_evidence(&mut tx, self.account(), &[e]).await?;
        tx.commit().await.db()?;
        Ok(Record::new(id(ids[0]), e.clone()))
    }

    pub(crate) async fn update_evidence_tx(
        &self,
        e: &Record<Evidence>,
    ) -> CoreResult<Record<Evidence>> {
        let mut tx = self.begin().await?;
        ensure_exist(&mut tx, self.account(), &EVIDENCE, &[e.id.get()]).await?;
        check_evidence(&mut tx, self.account(), e).await?;
        let mut q = Sql::new(
            "UPDATE evidence SET (on_day, track, strength, source, summary, quote, person_id, win_id, \
             interaction_id) = ",
        );
        q.tuple(|t| bind_evidence(t, e));
        q.push(" WHERE account_id = ")
            .bind(self.account())
            .push(" AND id = ")
            .bind(e.id.get());
        q.execute(&mut tx).await?;
        tx.commit().await.db()?;
        Ok(e.clone())
    }

    pub(crate) async fn get_evidence_tx(&self, e: EvidenceId) -> CoreResult<Record<Evidence>> {
        let row: Option<EvidenceRow> =
            sqlx::query_as(select_evidence!("WHERE account_id = $1 AND id = $2"))
                .bind(self.account())
                .bind(e.get())
                .fetch_optional(self.pool())
                .await
                .db()?;
        row.ok_or_else(|| EVIDENCE.not_found(e.get()))?
            .into_record()
    }

    pub(crate) async fn list_evidence_tx(&self) -> CoreResult<Vec<Record<Evidence>>> {
        let mut conn = self.pool().acquire().await.db()?;
        let mut q = Sql::new(select_evidence!("WHERE account_id = "));
        q.bind(self.account());
        let mut rows: Vec<EvidenceRow> = q
            .fetch_json(&mut conn, EVIDENCE_COLUMNS, "evidence")
            .await?;
        // Newest first (ISO days sort as text).
        rows.sort_unstable_by(|a, b| (&b.on_day, b.id).cmp(&(&a.on_day, a.id)));
        rows.into_iter().map(EvidenceRow::into_record).collect()
    }

    pub(crate) async fn delete_evidence_tx(&self, e: EvidenceId) -> CoreResult<()> {
        let mut conn = self.pool().acquire().await.db()?;
        delete_one(&mut conn, self.account(), &EVIDENCE, e.get()).await
    }

    pub(crate) async fn create_perception_tx(
        &self,
        p: &PerceptionCheck,
    ) -> CoreResult<Record<PerceptionCheck>> {
        let mut tx = self.begin().await?;
        ensure_exist(&mut tx, self.account(), &PERSON, &[p.person.get()]).await?;
        let ids = insert_perceptions(&mut tx, self.account(), &[p]).await?;
        tx.commit().await.db()?;
        Ok(Record::new(id(ids[0]), p.clone()))
    }

    pub(crate) async fn update_perception_tx(
        &self,
        p: &Record<PerceptionCheck>,
    ) -> CoreResult<Record<PerceptionCheck>> {
        let mut tx = self.begin().await?;
        ensure_exist(&mut tx, self.account(), &PERCEPTION, &[p.id.get()]).await?;
        ensure_exist(&mut tx, self.account(), &PERSON, &[p.person.get()]).await?;
        sqlx::query(
            "UPDATE perception_checks SET person_id = $3, on_day = $4, description = $5, gap = $6, \
             remedy = $7, status = $8 WHERE account_id = $1 AND id = $2",
        )
        .bind(self.account())
        .bind(p.id.get())
        .bind(p.person.get())
        .bind(day_text(p.on))
        .bind(p.description.clone())
        .bind(p.gap.clone())
        .bind(p.remedy.clone())
        .bind(p.status.as_str())
        .execute(&mut *tx)
        .await
        .db()?;
        tx.commit().await.db()?;
        Ok(p.clone())
    }

    pub(crate) async fn get_perception_tx(
        &self,
        p: PerceptionId,
    ) -> CoreResult<Record<PerceptionCheck>> {
        let row: Option<PerceptionRow> =
            sqlx::query_as(select_perception!("WHERE account_id = $1 AND id = $2"))
                .bind(self.account())
                .bind(p.get())
                .fetch_optional(self.pool())
                .await
                .db()?;
        row.ok_or_else(|| PERCEPTION.not_found(p.get()))?
            .into_record()
    }

    pub(crate) async fn list_perceptions_tx(&self) -> CoreResult<Vec<Record<PerceptionCheck>>> {
        let rows: Vec<PerceptionRow> = sqlx::query_as(select_perception!(
            "WHERE account_id = $1 ORDER BY on_day DESC, id DESC"
        ))
        .bind(self.account())
        .fetch_all(self.pool())
        .await
        .db()?;
        rows.into_iter().map(PerceptionRow::into_record).collect()
    }

    pub(crate) async fn delete_perception_tx(&self, p: PerceptionId) -> CoreResult<()> {
        let mut conn = self.pool().acquire().await.db()?;
        delete_one(&mut conn, self.account(), &PERCEPTION, p.get()).await
    }

    pub(crate) async fn create_opportunity_tx(
        &self,
        o: &Opportunity,
    ) -> CoreResult<Record<Opportunity>> {
        let mut tx = self.begin().await?;
        ensure_exist(
            &mut tx,
            self.account(),
            &PERSON,
            o.sponsor.map(|p| p.get()).as_slice(),
        )
        .await?;
        let ids = insert_opportunities(&mut tx, self.account(), &[o]).await?;
        tx.commit().await.db()?;
        Ok(Record::new(id(ids[0]), o.clone()))
    }

    pub(crate) async fn update_opportunity_tx(
        &self,
        o: &Record<Opportunity>,
    ) -> CoreResult<Record<Opportunity>> {
        let tracks = to_json(&o.tracks)?;
        let mut tx = self.begin().await?;
        ensure_exist(&mut tx, self.account(), &OPPORTUNITY, &[o.id.get()]).await?;
        ensure_exist(
            &mut tx,
            self.account(),
            &PERSON,
            o.sponsor.map(|p| p.get()).as_slice(),
        )
        .await?;
        sqlx::query(
            "UPDATE opportunities SET title = $3, kind = $4, on_day = $5, sponsor_id = $6, status = $7, \
             tracks = $8, notes = $9 WHERE account_id = $1 AND id = $2",
        )
        .bind(self.account())
        .bind(o.id.get())
        .bind(o.title.as_str())
        .bind(o.kind.as_str())
        .bind(day_text(o.on))
        .bind(o.sponsor.map(|p| p.get()))
        .bind(o.status.as_str())
        .bind(tracks)
        .bind(o.notes.clone())
        .execute(&mut *tx)
        .await
        .db()?;
        tx.commit().await.db()?;
        Ok(o.clone())
    }

    pub(crate) async fn get_opportunity_tx(
        &self,
        o: OpportunityId,
    ) -> CoreResult<Record<Opportunity>> {
        let row: Option<OpportunityRow> =
            sqlx::query_as(select_opportunity!("WHERE account_id = $1 AND id = $2"))
                .bind(self.account())
                .bind(o.get())
                .fetch_optional(self.pool())
                .await
                .db()?;
        row.ok_or_else(|| OPPORTUNITY.not_found(o.get()))?
            .into_record()
    }

    pub(crate) async fn list_opportunities_tx(&self) -> CoreResult<Vec<Record<Opportunity>>> {
        let rows: Vec<OpportunityRow> = sqlx::query_as(select_opportunity!(
            "WHERE account_id = $1 ORDER BY on_day DESC, id DESC"
        ))
        .bind(self.account())
        .fetch_all(self.pool())
        .await
        .db()?;
        rows.into_iter().map(OpportunityRow::into_record).collect()
    }

    pub(crate) async fn delete_opportunity_tx(&self, o: OpportunityId) -> CoreResult<()> {
        let mut conn = self.pool().acquire().await.db()?;
        delete_one(&mut conn, self.account(), &OPPORTUNITY, o.get()).await
    }
}
