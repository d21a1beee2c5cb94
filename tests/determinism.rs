//! Same level, seed and decisions give the same history, bit for bit.

mod common;

use forest_and_trees::class::ClassCode;
use sim::run::run_constant;
use sim::{Decision, Plan, Sim};

fn history_json(sim: &Sim) -> String {
    serde_json::to_string(&sim.state.history).expect("history serialises")
}

#[test]
fn same_inputs_give_identical_histories_on_every_level() {
    for id in common::ROLE_LEVELS {
        let level = common::level(id);
        let a = run_constant(&level, 7, 0.4);
        let b = run_constant(&level, 7, 0.4);
        assert_eq!(
            history_json(&a),
            history_json(&b),
            "{id} is not deterministic"
        );
    }
}

#[test]
fn different_seeds_give_different_runs() {
    for id in common::ROLE_LEVELS {
        let level = common::level(id);
        let a = run_constant(&level, 1, 0.4);
        let b = run_constant(&level, 2, 0.4);
        assert_ne!(
            history_json(&a),
            history_json(&b),
            "{id}: seeds 1 and 2 played the same"
        );
    }
}

#[test]
fn a_saved_state_resumes_into_the_same_future() {
    let level = common::level("first-week");
    let mut sim = Sim::new(level.clone(), 11);
    let plan = |sim: &Sim| Decision {
        plan: Plan::from_share(0.35, sim.budget()),
        ..Decision::default()
    };
    for _ in 0..5 {
        sim.step(&plan(&sim)).expect("week plays");
    }
    // The whole state, RNG included, goes through text and back.
    let saved = ron::to_string(&sim.state).expect("state serialises");
    let mut resumed = Sim {
        level: level.clone(),
        seed: sim.seed,
        state: ron::from_str(&saved).expect("state loads"),
    };
    while !sim.is_finished() {
        sim.step(&plan(&sim)).expect("week plays");
        resumed.step(&plan(&resumed)).expect("week plays");
    }
    assert_eq!(history_json(&sim), history_json(&resumed));
}

#[test]
fn an_announced_event_happens_next_week_alike_for_every_team_and_replays() {
    use forest_and_trees::class::results::{ResultFile, Verdict, replay};
    use sim::{Decision, Plan, Sim, StepError};
    let level = common::level("crunch");
    let play = |inject_in_week: Option<u32>| {
        let mut sim = Sim::new(level.clone(), 11);
        while !sim.is_finished() {
            let week = sim.next_week();
            let d = Decision {
                plan: Plan::from_share(0.4, sim.budget()),
                inject: if Some(week) == inject_in_week {
                    vec!["rival-offer".into()]
                } else {
                    Vec::new()
                },
                ..Decision::default()
            };
            sim.step(&d).unwrap();
        }
        sim
    };
    let title = "A rival contractor is hiring";
    let with = play(Some(2));
    assert!(
        with.state.history[2].events.iter().any(|e| e == title),
        "week 3 has the event"
    );
    assert_eq!(
        with.state.history[1].injected,
        vec!["rival-offer".to_string()]
    );
    // Two teams entering the same code in the same week get the same run.
    assert_eq!(play(Some(2)).state, with.state);
    // The result file carries it, and its replay is exact.
    let code = ClassCode::new(&level, level.difficulty, 11).text();
    let file = ResultFile::of(&with, "North", Some(&code));
    assert_eq!(replay(&file, &level), Verdict::Reproduced);
    // An id the deck does not have is refused, not ignored.
    let mut sim = Sim::new(level.clone(), 11);
    let bad = Decision {
        plan: Plan::from_share(0.4, sim.budget()),
        inject: vec!["ceo-visit".into()],
        ..Decision::default()
    };
    assert_eq!(
        sim.step(&bad).unwrap_err(),
        StepError::UnknownEvent("ceo-visit".into())
    );
}

#[test]
fn a_facilitators_own_event_happens_next_week_alike_and_replays() {
    use forest_and_trees::class::results::{ResultFile, Verdict, replay};
    use sim::CustomEvent;
    use sim::Effect;
    use sim::{Decision, Plan, Sim, StepError};
    let level = common::level("crunch");
    let ceo = CustomEvent {
        title: "The CEO visits".into(),
        text: "She asks every team what the goal is.".into(),
        effects: vec![Effect::Morale(-0.1), Effect::Alignment(-0.1)],
    };
    let play = |custom: Option<&CustomEvent>| {
        let mut sim = Sim::new(level.clone(), 11);
        while !sim.is_finished() {
            let week = sim.next_week();
            let d = Decision {
                plan: Plan::from_share(0.4, sim.budget()),
                custom: custom.filter(|_| week == 2).into_iter().cloned().collect(),
                ..Decision::default()
            };
            sim.step(&d).unwrap();
        }
        sim
    };
    let with = play(Some(&ceo));
    let without = play(None);
    assert!(
        with.state.history[2]
            .events
            .iter()
            .any(|e| e == "The CEO visits")
    );
    assert!(
        with.state.history[2].metrics.morale < without.state.history[2].metrics.morale,
        "the event's effects land in week 3"
    );
    assert_eq!(
        without.state.history[..2],
        with.state.history[..2]
            .iter()
            .cloned()
            .map(|mut w| {
                w.custom.clear();
                w
            })
            .collect::<Vec<_>>(),
        "nothing changes before it happens"
    );
    assert_eq!(play(Some(&ceo)).state, with.state, "alike for every team");
    let code = ClassCode::new(&level, level.difficulty, 11).text();
    let file = ResultFile::of(&with, "North", Some(&code));
    assert_eq!(replay(&file, &level), Verdict::Reproduced);
    // A trigger of an event the deck does not have is refused, not ignored.
    let mut sim = Sim::new(level.clone(), 11);
    let bad = Decision {
        plan: Plan::from_share(0.4, sim.budget()),
        custom: vec![CustomEvent {
            effects: vec![Effect::Trigger("meteor".into())],
            ..ceo.clone()
        }],
        ..Decision::default()
    };
    assert!(matches!(sim.step(&bad), Err(StepError::CustomEvent(_))));
    // Effects outside a level's bounds do not even read.
    let json = r#"{"title":"x","text":"","effects":[{"Morale":-5.0}]}"#;
    assert!(serde_json::from_str::<CustomEvent>(json).is_err());
}

#[test]
fn a_choice_recorded_in_the_wrong_week_is_refused_with_both_weeks() {
    let level = common::level("crunch");
    let d = level
        .dilemmas
        .iter()
        .find(|d| d.week > 1)
        .expect("a later dilemma");
    let mut sim = Sim::new(level.clone(), 11);
    let decision = Decision {
        plan: Plan::from_share(0.4, sim.budget()),
        choices: [(d.id.clone(), d.choices[0].id.clone())].into(),
        ..Decision::default()
    };
    let err = sim.step(&decision).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "dilemma \"{}\" is decided in week {}, not in week 1",
            d.id, d.week
        )
    );
}
