//! The competency framework: what leadership readiness means, as tracks with levels 0–4.
//! The default is the five gaps between senior PM and product leader; a member can edit
//! it or load their company's own ladder from a TOML file.

use serde::{Deserialize, Serialize};

use crate::{CoreError, Level, TrackKey};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Framework {
    pub name: String,
    pub tracks: Vec<Track>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Track {
    pub key: TrackKey,
    pub name: String,
    pub summary: String,
    /// The level I am aiming for.
    pub target: Level,
    /// Levels 0 to 4, each exactly once, in order.
    pub levels: Vec<LevelSpec>,
    /// Actions that produce evidence for this track.
    #[serde(default)]
    pub practices: Vec<Practice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LevelSpec {
    pub level: Level,
    pub name: String,
    /// What someone at this level is seen doing.
    #[serde(default)]
    pub signals: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Practice {
    pub title: String,
    pub how: String,
}

impl Framework {
    pub fn track(&self, key: &TrackKey) -> Option<&Track> {
        self.tracks.iter().find(|t| &t.key == key)
    }

    pub fn track_keys(&self) -> Vec<&str> {
        self.tracks.iter().map(|t| t.key.as_str()).collect()
    }

    /// Rules a framework must keep: a name, at least one track, unique keys, every level
    /// 0–4 exactly once per track.
    pub fn validate(&self) -> Result<(), CoreError> {
        if self.name.trim().is_empty() {
            return Err(CoreError::invalid(
                "name",
                &self.name,
                "a name for the framework",
            ));
        }
        if self.tracks.is_empty() {
            return Err(CoreError::invalid("tracks", "", "at least one track"));
        }
        for (i, t) in self.tracks.iter().enumerate() {
            let at = format!("tracks[{i}] ({})", t.key);
            if self.tracks.iter().filter(|o| o.key == t.key).count() > 1 {
                return Err(CoreError::invalid(
                    format!("{at}.key"),
                    t.key.as_str(),
                    "a key used by one track only",
                ));
            }
            if t.name.trim().is_empty() {
                return Err(CoreError::invalid(
                    format!("{at}.name"),
                    &t.name,
                    "a non-empty name",
                ));
            }
            let mut levels: Vec<u8> = t.levels.iter().map(|l| l.level.get()).collect();
            levels.sort_unstable();
            if levels != [0, 1, 2, 3, 4] {
                return Err(CoreError::invalid(
                    format!("{at}.levels"),
                    format!("{levels:?}"),
                    "levels 0, 1, 2, 3 and 4, each exactly once",
                ));
            }
        }
        Ok(())
    }

    /// Read a framework from TOML (the same shape `to_toml` writes). Errors name the line.
    pub fn from_toml(text: &str) -> Result<Framework, CoreError> {
        let mut f: Framework = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].lines().count().max(1))
                .unwrap_or(0);
            CoreError::invalid(
                if line > 0 {
                    format!("framework file, line {line}")
                } else {
                    "framework file".into()
                },
                "",
                e.message().to_string(),
            )
        })?;
        for t in &mut f.tracks {
            t.levels.sort_by_key(|l| l.level);
        }
        f.validate()?;
        Ok(f)
    }

    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_default()
    }

    /// The default framework: the five gaps coaches most often see between senior PM and
    /// product leader.
    pub fn default_leadership() -> Framework {
        let track = |key: &str,
                     name: &str,
                     summary: &str,
                     levels: [(&str, &[&str]); 5],
                     practices: &[(&str, &str)]| Track {
            key: TrackKey::parse(key).expect("built-in keys are valid"),
            name: name.into(),
            summary: summary.into(),
            target: Level::new(3).expect("3 is a level"),
            levels: levels
                .iter()
                .enumerate()
                .map(|(i, (n, signals))| LevelSpec {
                    level: Level::new(i as i64).expect("0..=4 are levels"),
                    name: (*n).into(),
                    signals: signals.iter().map(|s| (*s).to_string()).collect(),
                })
                .collect(),
            practices: practices
                .iter()
                .map(|(t, h)| Practice {
                    title: (*t).into(),
                    how: (*h).into(),
                })
                .collect(),
        };
        Framework {
            name: "Senior PM to product leader".into(),
            tracks: vec![
                track(
                    "strategy",
                    "Strategy",
                    "Choosing the opportunities that serve the business goals, not only spotting them.",
                    [
                        ("Not yet shown", &[]),
                        (
                            "Connects",
                            &["Can say which company goal a piece of work serves"],
                        ),
                        (
                            "Chooses",
                            &[
                                "Says no to good ideas that do not serve this period's goals",
                                "Frames work in revenue, churn or activation",
                            ],
                        ),
                        (
                            "Shapes",
                            &[
                                "Proposes a bet that changes the roadmap and wins its case",
                                "Leaders quote my framing of a problem",
                            ],
                        ),
                        (
                            "Sets direction",
                            &["Writes the strategy others plan against"],
                        ),
                    ],
                    &[
                        (
                            "Map last year's wins to the business goals",
                            "List every win of the last twelve months and write the company goal each one moved; the gaps show where your work drifted.",
                        ),
                        (
                            "Write a one-page bet",
                            "Pick one opportunity, state the goal it serves, the evidence, and what you would stop doing to fund it; review it with your manager.",
                        ),
                    ],
                ),
                track(
                    "buy-in",
                    "Buy-in",
                    "Bringing a whole organisation along, not one stakeholder at a time.",
                    [
                        ("Not yet shown", &[]),
                        (
                            "Aligns a team",
                            &["My own team can explain why we build what we build"],
                        ),
                        (
                            "Aligns partners",
                            &["Partner teams change their plans after hearing mine"],
                        ),
                        (
                            "Aligns the organisation",
                            &["Leaders outside my line back a decision I drove"],
                        ),
                        (
                            "Moves the company",
                            &["A cross-company change happened because I built the coalition"],
                        ),
                    ],
                    &[
                        (
                            "Interview five people about your work",
                            "Ask five stakeholders how they understand what you do and why; log each as a perception check and close the gaps they reveal.",
                        ),
                        (
                            "Pre-wire a decision",
                            "Before the next big meeting, walk each decider through the proposal one to one and note their objections.",
                        ),
                    ],
                ),
                track(
                    "confidence",
                    "Confidence",
                    "Secure decisions backed by evidence; knowing when to ask for help.",
                    [
                        ("Not yet shown", &[]),
                        (
                            "Decides with data",
                            &["Brings evidence to my own decisions"],
                        ),
                        (
                            "Holds the line",
                            &["Keeps a well-founded position under pressure from seniors"],
                        ),
                        (
                            "Calm in the hard room",
                            &["Leads a tense executive discussion to a decision"],
                        ),
                        ("Steadies others", &["Others bring me their hardest calls"]),
                    ],
                    &[
                        (
                            "Rehearse a hard meeting",
                            "Ask a colleague to play the toughest person in the room and keep raising the difficulty of the questions until your answers hold.",
                        ),
                        (
                            "Ask for help on purpose",
                            "Name one decision you are unsure of, ask someone senior for advice, and record what changed.",
                        ),
                    ],
                ),
                track(
                    "domain",
                    "Domain",
                    "Industry and customer knowledge, shown in public.",
                    [
                        ("Not yet shown", &[]),
                        (
                            "Knows the customer",
                            &["Can describe the top customer problems from first-hand contact"],
                        ),
                        (
                            "Shares inside",
                            &["Runs a brown-bag or writes an internal post others cite"],
                        ),
                        (
                            "Known outside",
                            &["Speaks at a meetup, writes an article, guests on a podcast"],
                        ),
                        (
                            "Recognised voice",
                            &["Invited to speak or advise because of this expertise"],
                        ),
                    ],
                    &[
                        (
                            "Run a lunch-and-learn",
                            "Pick one customer insight from this quarter and present it to another team over lunch.",
                        ),
                        (
                            "Speak at a meetup",
                            "Propose a 15-minute talk to a local product meetup about a lesson from your market.",
                        ),
                    ],
                ),
                track(
                    "leadership",
                    "Leadership",
                    "Delegating and developing others without line authority.",
                    [
                        ("Not yet shown", &[]),
                        ("Helps", &["Gives useful feedback when asked"]),
                        (
                            "Develops someone",
                            &["Mentors a junior PM with regular sessions"],
                        ),
                        (
                            "Leads a community",
                            &["Leads a guild, a community project or a hiring loop"],
                        ),
                        (
                            "Builds leaders",
                            &["People I developed are promoted or lead in turn"],
                        ),
                    ],
                    &[
                        (
                            "Mentor a junior PM",
                            "Offer a junior PM a fortnightly session for a quarter; agree on one goal and track it together.",
                        ),
                        (
                            "Lead a community project",
                            "Take ownership of one PM-guild initiative and delegate its parts to volunteers.",
                        ),
                    ],
                ),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_framework_is_valid_and_has_the_five_tracks() {
        let f = Framework::default_leadership();
        f.validate().unwrap();
        assert_eq!(
            f.track_keys(),
            ["strategy", "buy-in", "confidence", "domain", "leadership"]
        );
        assert!(f.tracks.iter().all(|t| !t.practices.is_empty()));
    }

    #[test]
    fn toml_round_trip() {
        let f = Framework::default_leadership();
        let back = Framework::from_toml(&f.to_toml()).unwrap();
        assert_eq!(back, f);
    }

    #[test]
    fn toml_errors_name_the_line() {
        let text = "name = \"Ladder\"\n[[tracks]]\nkey = \"craft\"\nname = \"Craft\"\nsummary = \"x\"\ntarget = 9\nlevels = []\n";
        let err = Framework::from_toml(text).unwrap_err().to_string();
        assert!(err.contains("line 6"), "{err}");
    }

    #[test]
    fn missing_levels_are_refused() {
        let mut f = Framework::default_leadership();
        f.tracks[1].levels.pop();
        let err = f.validate().unwrap_err();
        assert!(err.field().unwrap().contains("buy-in"), "{err}");
    }
}
