//! The map's geometry, in SVG user units: the grid's cells, lines, axis numbers and
//! quadrants, each stance's shape, and where everyone's dot goes.
//!
//! People who share a cell are packed in a small grid inside it, in a fixed order (by
//! stance, then name), so no dot hides another and the picture is the same on every load.
//! A cell too crowded for that becomes one count over a bar of its stance mix.

use fanclub_core::{Person, Quadrant, Record, RoomRole, Stance};

use super::{Area, Cluster, Dot, Line, Segment, Tick};

const LEFT: f64 = 80.0;
const TOP: f64 = 20.0;
const CELL_W: f64 = 124.0;
const CELL_H: f64 = 92.0;
/// Influence and interest run 1 to 5; "high" is 4 or 5 (DOMAIN.md).
const STEPS: u8 = 5;
const HIGH_FROM: u8 = 4;
/// Room kept free for the quadrant labels in the top and bottom rows.
const LABEL_ROOM: f64 = 20.0;
const INSET: f64 = 6.0;
const MAX_RADIUS: f64 = 9.0;
const MIN_RADIUS: f64 = 2.5;
/// Past this many people in one cell the cell shows their count and stance mix instead of
/// one mark each, linking to them in the People list.
const MAX_DOTS_PER_CELL: usize = 60;
/// People listed by name under each quadrant; the rest are a link to the People list.
const LIST_LIMIT: usize = 50;

/// The top edge of the row of influence `f` (high influence at the top).
fn row_top(f: u8) -> f64 {
    TOP + f64::from(STEPS - f) * CELL_H
}

/// The left edge of the column of interest `i`.
fn col_left(i: u8) -> f64 {
    LEFT + f64::from(i - 1) * CELL_W
}

/// A coordinate with at most one decimal, as SVG wants it.
fn num(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

/// Place everyone: group by cell, order each cell, pack it.
pub(super) fn layout_dots(
    people: &[(&Record<Person>, Option<RoomRole>)],
) -> (Vec<Dot>, Vec<Cluster>) {
    let mut sorted: Vec<&(&Record<Person>, Option<RoomRole>)> = people.iter().collect();
    sorted.sort_by(|(a, _), (b, _)| {
        (a.influence.get(), a.interest.get())
            .cmp(&(b.influence.get(), b.interest.get()))
            .then(b.stance.cmp(&a.stance))
            .then(a.name.as_str().cmp(b.name.as_str()))
            .then(a.id.get().cmp(&b.id.get()))
    });
    let mut dots = Vec::with_capacity(sorted.len());
    let mut clusters = Vec::new();
    for cell in sorted.chunk_by(|(a, _), (b, _)| {
        (a.influence.get(), a.interest.get()) == (b.influence.get(), b.interest.get())
    }) {
        let Some((first, _)) = cell.first() else {
            continue;
        };
        let (f, i) = (first.influence.get(), first.interest.get());
        let top_room = if f == STEPS { LABEL_ROOM } else { INSET };
        let bottom_room = if f == 1 { LABEL_ROOM } else { INSET };
        let (ax, ay) = (col_left(i) + INSET, row_top(f) + top_room);
        let (aw, ah) = (CELL_W - 2.0 * INSET, CELL_H - top_room - bottom_room);
        let n = cell.len();
        let crowded = n > MAX_DOTS_PER_CELL;
        if crowded {
            clusters.push(cluster(cell, (f, i), (ax, ay, aw, ah)));
        }
        let cols = ((n as f64 * aw / ah).sqrt().ceil() as usize).clamp(1, n);
        let rows = n.div_ceil(cols);
        let (step_x, step_y) = (aw / cols as f64, ah / rows as f64);
        let radius = (0.4 * step_x.min(step_y)).clamp(MIN_RADIUS, MAX_RADIUS);
        for (k, (p, role)) in cell.iter().enumerate() {
            let (row, col) = (k / cols, k % cols);
            // Centre a short last row.
            let in_row = if row == rows - 1 {
                n - row * cols
            } else {
                cols
            };
            let shift = (cols - in_row) as f64 * step_x / 2.0;
            dots.push(Dot {
                handle: p.handle.to_string(),
                name: p.name.to_string(),
                stance: p.stance,
                influence: f,
                interest: i,
                quadrant: p.quadrant(),
                role: *role,
                x: num(ax + shift + step_x * (col as f64 + 0.5)),
                y: num(ay + step_y * (row as f64 + 0.5)),
                shape: if crowded {
                    String::new()
                } else {
                    shape(p.stance, radius)
                },
                drawn: !crowded,
            });
        }
    }
    (dots, clusters)
}

/// The People list of one quadrant, most influential first: where a crowded cell and a
/// long quadrant list send the member.
fn quadrant_list(quadrant: Quadrant) -> String {
    format!("/people?quadrant={quadrant}&sort=influence")
}

/// A crowded cell: its count, centred, over a bar of its stance mix.
fn cluster(
    cell: &[&(&Record<Person>, Option<RoomRole>)],
    (influence, interest): (u8, u8),
    (ax, ay, aw, ah): (f64, f64, f64, f64),
) -> Cluster {
    let count = cell.len();
    let bar_h = 8.0;
    let bar_y = ay + ah - bar_h;
    let mut segments = Vec::new();
    let mut x = ax;
    for stance in Stance::ALL.iter().rev() {
        let k = cell.iter().filter(|(p, _)| p.stance == *stance).count();
        if k == 0 {
            continue;
        }
        let width = aw * k as f64 / count as f64;
        segments.push(Segment {
            stance: *stance,
            count: k,
            x: num(x),
            y: num(bar_y),
            width: num(width),
        });
        x += width;
    }
    let quadrant = cell
        .first()
        .map(|(p, _)| p.quadrant())
        .unwrap_or(Quadrant::Monitor);
    Cluster {
        count,
        influence,
        interest,
        href: quadrant_list(quadrant),
        x: num(ax + aw / 2.0),
        y: num(ay + (ah - bar_h) / 2.0 + 6.0),
        segments,
    }
}

/// The four quadrants, with who is in each (indexes into `dots`, by name).
pub(super) fn areas(dots: &[Dot]) -> Vec<Area> {
    let low_w = f64::from(HIGH_FROM - 1) * CELL_W;
    let high_w = f64::from(STEPS - HIGH_FROM + 1) * CELL_W;
    let high_h = f64::from(STEPS - HIGH_FROM + 1) * CELL_H;
    let low_h = f64::from(HIGH_FROM - 1) * CELL_H;
    let split_x = LEFT + low_w;
    let split_y = TOP + high_h;
    let right = split_x + high_w;
    let bottom = split_y + low_h;
    // (quadrant, label, meaning, x, y, w, h, label x, label y, anchor)
    let spec = [
        (
            Quadrant::ManageClosely,
            "Manage closely",
            "high influence, high interest",
            split_x,
            TOP,
            high_w,
            high_h,
            right - 8.0,
            TOP + 15.0,
            "end",
        ),
        (
            Quadrant::KeepSatisfied,
            "Keep satisfied",
            "high influence, low interest",
            LEFT,
            TOP,
            low_w,
            high_h,
            LEFT + 8.0,
            TOP + 15.0,
            "start",
        ),
        (
            Quadrant::KeepInformed,
            "Keep informed",
            "low influence, high interest",
            split_x,
            split_y,
            high_w,
            low_h,
            right - 8.0,
            bottom - 6.0,
            "end",
        ),
        (
            Quadrant::Monitor,
            "Monitor",
            "low influence, low interest",
            LEFT,
            split_y,
            low_w,
            low_h,
            LEFT + 8.0,
            bottom - 6.0,
            "start",
        ),
    ];
    spec.into_iter()
        .map(|(quadrant, label, meaning, x, y, w, h, lx, ly, anchor)| {
            let mut people: Vec<usize> = (0..dots.len())
                .filter(|&k| dots[k].quadrant == quadrant)
                .collect();
            let count = people.len();
            people.sort_by(|&a, &b| {
                dots[b]
                    .influence
                    .cmp(&dots[a].influence)
                    .then(dots[a].name.cmp(&dots[b].name))
            });
            people.truncate(LIST_LIMIT);
            people.sort_by(|&a, &b| dots[a].name.cmp(&dots[b].name));
            Area {
                quadrant,
                label,
                meaning,
                x: num(x),
                y: num(y),
                width: num(w),
                height: num(h),
                label_x: num(lx),
                label_y: num(ly),
                anchor,
                people,
                count,
                href: quadrant_list(quadrant),
            }
        })
        .collect()
}

/// The cell lines, the quadrant boundaries stronger.
pub(super) fn lines() -> Vec<Line> {
    let right = LEFT + f64::from(STEPS) * CELL_W;
    let bottom = TOP + f64::from(STEPS) * CELL_H;
    let mut out = Vec::new();
    for k in 1..STEPS {
        let x = LEFT + f64::from(k) * CELL_W;
        out.push(Line {
            x1: num(x),
            y1: num(TOP),
            x2: num(x),
            y2: num(bottom),
            major: k == HIGH_FROM - 1,
        });
        let y = TOP + f64::from(k) * CELL_H;
        out.push(Line {
            x1: num(LEFT),
            y1: num(y),
            x2: num(right),
            y2: num(y),
            major: k == STEPS - HIGH_FROM + 1,
        });
    }
    out
}

/// The numbers along the bottom (interest) and the left (influence) edges.
pub(super) fn ticks() -> (Vec<Tick>, Vec<Tick>) {
    let along_x = (1..=STEPS)
        .map(|i| Tick {
            x: num(LEFT + (f64::from(i) - 0.5) * CELL_W),
            y: num(TOP + f64::from(STEPS) * CELL_H + 18.0),
            value: i,
        })
        .collect();
    let along_y = (1..=STEPS)
        .map(|f| Tick {
            x: num(LEFT - 12.0),
            y: num(row_top(f) + CELL_H / 2.0 + 5.0),
            value: f,
        })
        .collect();
    (along_x, along_y)
}

/// Each stance's shape, so the map does not depend on colour alone: a downward triangle
/// against me, a hollow circle unknown, a diamond aware, a filled circle supporter, a
/// square advocate, a star sponsor.
pub(super) fn shape(stance: Stance, r: f64) -> String {
    match stance {
        Stance::Detractor => format!(
            "M{} {}L{} {}L0 {}Z",
            num(-r),
            num(-0.8 * r),
            num(r),
            num(-0.8 * r),
            num(r)
        ),
        Stance::Unknown | Stance::Supporter => {
            let r = 0.9 * r;
            format!(
                "M{} 0a{} {} 0 1 0 {} 0a{} {} 0 1 0 {} 0Z",
                num(-r),
                num(r),
                num(r),
                num(2.0 * r),
                num(r),
                num(r),
                num(-2.0 * r)
            )
        }
        Stance::Aware => {
            let r = 1.1 * r;
            format!("M0 {}L{} 0L0 {}L{} 0Z", num(-r), num(r), num(r), num(-r))
        }
        Stance::Advocate => {
            let s = 0.8 * r;
            format!(
                "M{} {}H{}V{}H{}Z",
                num(-s),
                num(-s),
                num(s),
                num(s),
                num(-s)
            )
        }
        Stance::Sponsor => {
            let outer = 1.2 * r;
            let inner = 0.5 * r;
            let mut d = String::new();
            for k in 0..10 {
                let radius = if k % 2 == 0 { outer } else { inner };
                let angle = std::f64::consts::PI * f64::from(k) / 5.0 - std::f64::consts::FRAC_PI_2;
                d.push(if k == 0 { 'M' } else { 'L' });
                d.push_str(&format!(
                    "{} {}",
                    num(radius * angle.cos()),
                    num(radius * angle.sin())
                ));
            }
            d.push('Z');
            d
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fanclub_core::{Influence, Interest, Name};

    fn person(id: i64, name: &str, influence: i64, interest: i64) -> Record<Person> {
        let mut p = Person::new(Name::parse(name).unwrap());
        p.influence = Influence::new(influence).unwrap();
        p.interest = Interest::new(interest).unwrap();
        Record::new(fanclub_core::PersonId::from_raw(id), p)
    }

    #[test]
    fn people_on_one_cell_do_not_overlap_and_stay_inside_it() {
        let people: Vec<Record<Person>> = (1..=30)
            .map(|k| person(k, &format!("Person {k}"), 5, 5))
            .collect();
        let seated: Vec<_> = people.iter().map(|p| (p, None)).collect();
        let (dots, clusters) = layout_dots(&seated);
        assert_eq!(dots.len(), 30);
        assert!(clusters.is_empty(), "30 people fit one cell as marks");
        assert!(dots.iter().all(|d| d.drawn));
        let points: Vec<(f64, f64)> = dots
            .iter()
            .map(|d| (d.x.parse().unwrap(), d.y.parse().unwrap()))
            .collect();
        for (k, a) in points.iter().enumerate() {
            assert!(a.0 > col_left(5) && a.0 < col_left(5) + CELL_W, "{a:?}");
            assert!(a.1 > row_top(5) && a.1 < row_top(5) + CELL_H, "{a:?}");
            for b in &points[k + 1..] {
                let dist = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
                assert!(dist >= 2.0 * MIN_RADIUS, "{a:?} and {b:?} overlap");
            }
        }
        // The same input draws the same picture.
        let (again, _) = layout_dots(&seated);
        assert_eq!(
            dots.iter().map(|d| (&d.x, &d.y)).collect::<Vec<_>>(),
            again.iter().map(|d| (&d.x, &d.y)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_crowded_cell_is_one_count_with_its_stance_mix() {
        let people: Vec<Record<Person>> = (1..=100)
            .map(|k| {
                let mut p = person(k, &format!("Person {k}"), 2, 4);
                p.value.stance = if k <= 25 {
                    Stance::Sponsor
                } else {
                    Stance::Unknown
                };
                p
            })
            .collect();
        let seated: Vec<_> = people.iter().map(|p| (p, None)).collect();
        let (dots, clusters) = layout_dots(&seated);
        assert_eq!(dots.len(), 100, "everyone is still listed");
        assert!(dots.iter().all(|d| !d.drawn));
        let [c] = clusters.as_slice() else {
            panic!("one crowded cell: {clusters:?}")
        };
        assert_eq!((c.count, c.influence, c.interest), (100, 2, 4));
        assert_eq!(c.href, "/people?quadrant=keep-informed&sort=influence");
        let counts: Vec<(Stance, usize)> = c.segments.iter().map(|g| (g.stance, g.count)).collect();
        assert_eq!(counts, [(Stance::Sponsor, 25), (Stance::Unknown, 75)]);
        let width: f64 = c
            .segments
            .iter()
            .map(|g| g.width.parse::<f64>().unwrap())
            .sum();
        assert!((width - (CELL_W - 2.0 * INSET)).abs() < 0.2, "{width}");
    }

    #[test]
    fn quadrants_follow_the_domain() {
        let people = [
            person(1, "Hi Hi", 5, 4),
            person(2, "Hi Lo", 4, 1),
            person(3, "Lo Hi", 3, 5),
            person(4, "Lo Lo", 1, 3),
        ];
        let seated: Vec<_> = people.iter().map(|p| (p, None)).collect();
        let (dots, _) = layout_dots(&seated);
        let areas = areas(&dots);
        let named = |q: Quadrant| -> Vec<String> {
            areas
                .iter()
                .find(|a| a.quadrant == q)
                .unwrap()
                .people
                .iter()
                .map(|&k| dots[k].name.clone())
                .collect()
        };
        assert_eq!(named(Quadrant::ManageClosely), vec!["Hi Hi"]);
        assert_eq!(named(Quadrant::KeepSatisfied), vec!["Hi Lo"]);
        assert_eq!(named(Quadrant::KeepInformed), vec!["Lo Hi"]);
        assert_eq!(named(Quadrant::Monitor), vec!["Lo Lo"]);
    }
}
