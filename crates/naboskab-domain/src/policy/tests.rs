//! The policy's rules, role by role and action by action.

use super::*;

fn with(role: Role, org: i64) -> Actor {
    Actor {
        user_id: Some(1),
        memberships: vec![Membership {
            organisation_id: org,
            role,
        }],
        second_factor: true,
    }
}

#[test]
fn outreach_records_are_for_the_owning_organisations_caretakers_only() {
    let owner = Resource::Organisation { chain: vec![3] };
    assert!(
        decide(
            &with(Role::SocialCaretaker, 3),
            Action::WorkWithOutreach,
            &owner
        )
        .is_allowed()
    );
    let password_only = Actor {
        second_factor: false,
        ..with(Role::SocialCaretaker, 3)
    };
    assert_eq!(
        decide(&password_only, Action::WorkWithOutreach, &owner),
        Decision::Deny(Denial::SecondFactorNeeded),
        "a password alone does not reach outreach records (SEC-14)"
    );
    assert!(
        !decide(
            &with(Role::SocialCaretaker, 4),
            Action::WorkWithOutreach,
            &owner
        )
        .is_allowed(),
        "a caretaker of another housing organisation"
    );
    for role in Role::ALL {
        if role == Role::SocialCaretaker {
            continue;
        }
        assert!(
            !decide(&with(role, 3), Action::WorkWithOutreach, &owner).is_allowed(),
            "{role:?}"
        );
    }
}

#[test]
fn platform_admins_inspect_outreach_records_only_after_the_second_factor() {
    let any = Resource::Organisation { chain: vec![3] };
    let admin = with(Role::PlatformAdmin, 1);
    assert!(decide(&admin, Action::InspectOutreachRecord, &any).is_allowed());
    assert_eq!(
        decide(
            &Actor {
                second_factor: false,
                ..admin.clone()
            },
            Action::InspectOutreachRecord,
            &any
        ),
        Decision::Deny(Denial::SecondFactorNeeded)
    );
    assert!(!decide(&admin, Action::WorkWithOutreach, &any).is_allowed());
    assert!(!decide(&admin, Action::CountOutreach, &any).is_allowed());
    for role in Role::ALL.into_iter().filter(|r| *r != Role::PlatformAdmin) {
        assert!(
            !decide(&with(role, 3), Action::InspectOutreachRecord, &any).is_allowed(),
            "{role:?}"
        );
    }
}

#[test]
fn a_platform_administrator_administers_only_after_the_second_factor() {
    let password_only = Actor {
        second_factor: false,
        ..with(Role::PlatformAdmin, 1)
    };
    for (action, resource) in [
        (Action::AdministerPlatform, Resource::Platform),
        (
            Action::ManageMembers,
            Resource::Organisation { chain: vec![3] },
        ),
        (
            Action::ManageOffers,
            Resource::Organisation { chain: vec![3] },
        ),
    ] {
        assert_eq!(
            decide(&password_only, action, &resource),
            Decision::Deny(Denial::SecondFactorNeeded),
            "{action:?}"
        );
        assert!(decide(&with(Role::PlatformAdmin, 1), action, &resource).is_allowed());
    }
    assert!(
        decide(
            &password_only,
            Action::ReadOwnAccount,
            &Resource::OwnAccount
        )
        .is_allowed()
    );
}

#[test]
fn outreach_counts_are_for_the_organisation_its_boards_and_municipality() {
    // A department (30) of housing organisation 3.
    let department = Resource::Organisation { chain: vec![30, 3] };
    for role in [
        Role::SocialCaretaker,
        Role::HousingOrgAdmin,
        Role::BoardMember,
        Role::MunicipalOfficer,
    ] {
        let own = if role == Role::BoardMember { 30 } else { 3 };
        assert!(
            decide(&with(role, own), Action::CountOutreach, &department).is_allowed(),
            "{role:?}"
        );
        assert!(
            !decide(&with(role, 40), Action::CountOutreach, &department).is_allowed(),
            "{role:?} elsewhere"
        );
    }
    for role in [Role::Resident, Role::Organiser] {
        assert!(!decide(&with(role, 30), Action::CountOutreach, &department).is_allowed());
    }
    let chain = [30, 3];
    assert!(sees_exact_outreach_counts(
        &with(Role::SocialCaretaker, 3),
        &chain
    ));
    assert!(sees_exact_outreach_counts(
        &with(Role::HousingOrgAdmin, 3),
        &chain
    ));
    assert!(!sees_exact_outreach_counts(
        &with(Role::BoardMember, 30),
        &chain
    ));
    assert!(!sees_exact_outreach_counts(
        &with(Role::MunicipalOfficer, 3),
        &chain
    ));
}

#[test]
fn rooms_are_managed_and_approved_only_in_ones_own_department() {
    let dept_a = Resource::Organisation { chain: vec![30, 3] };
    let dept_b = Resource::Organisation { chain: vec![40, 4] };
    for role in [Role::BoardMember, Role::HousingOrgAdmin] {
        let a = with(role, 30);
        assert!(decide(&a, Action::ManageRooms, &dept_a).is_allowed());
        assert!(decide(&a, Action::ApproveAsBoard, &dept_a).is_allowed());
        assert!(
            !decide(&a, Action::ApproveAsBoard, &dept_b).is_allowed(),
            "{role:?}"
        );
        assert!(
            !decide(&a, Action::ManageRooms, &dept_b).is_allowed(),
            "{role:?}"
        );
    }
    assert!(
        !decide(
            &with(Role::BoardMember, 30),
            Action::ApproveAsStaff,
            &dept_a
        )
        .is_allowed()
    );
    assert!(
        decide(
            &with(Role::HousingOrgAdmin, 3),
            Action::ApproveAsStaff,
            &dept_a
        )
        .is_allowed()
    );
    for role in [
        Role::Resident,
        Role::Organiser,
        Role::SocialCaretaker,
        Role::MunicipalOfficer,
    ] {
        let a = with(role, 30);
        for action in [
            Action::ManageRooms,
            Action::ApproveAsBoard,
            Action::ApproveAsStaff,
        ] {
            assert!(
                !decide(&a, action, &dept_a).is_allowed(),
                "{role:?} {action:?}"
            );
        }
    }
}

#[test]
fn the_rooms_rule_says_who_may_book_a_kind() {
    let residents_only = Resource::RoomKind {
        chain: vec![30, 3],
        bookers: Bookers::parse("residents"),
    };
    assert!(decide(&with(Role::Resident, 30), Action::BookRoom, &residents_only).is_allowed());
    assert!(!decide(&with(Role::Resident, 40), Action::BookRoom, &residents_only).is_allowed());
    assert!(
        !decide(
            &with(Role::BoardMember, 30),
            Action::BookRoom,
            &residents_only
        )
        .is_allowed()
    );
    assert_eq!(
        decide(&Actor::anonymous(), Action::BookRoom, &residents_only),
        Decision::Deny(Denial::NotSignedIn)
    );
    let organisers = Resource::RoomKind {
        chain: vec![30, 3],
        bookers: Bookers::parse("organisers,staff"),
    };
    assert!(decide(&with(Role::Organiser, 77), Action::BookRoom, &organisers).is_allowed());
    assert!(
        decide(
            &with(Role::SocialCaretaker, 3),
            Action::BookRoom,
            &organisers
        )
        .is_allowed()
    );
    assert!(!decide(&with(Role::Resident, 30), Action::BookRoom, &organisers).is_allowed());
}

#[test]
fn anonymous_reads_public_only() {
    let a = Actor::anonymous();
    assert_eq!(
        decide(&a, Action::ReadPublic, &Resource::Public),
        Decision::Allow
    );
    for action in Action::ALL
        .into_iter()
        .filter(|a| !matches!(a, Action::ReadPublic | Action::SignUp))
    {
        assert_eq!(
            decide(&a, action, &Resource::OwnAccount),
            Decision::Deny(Denial::NotSignedIn),
            "{action:?}"
        );
    }
}

#[test]
fn own_account_is_for_every_signed_in_role() {
    for role in Role::ALL {
        let a = with(role, 5);
        assert!(decide(&a, Action::ReadOwnAccount, &Resource::OwnAccount).is_allowed());
        assert!(decide(&a, Action::ManageOwnAccount, &Resource::OwnAccount).is_allowed());
    }
}

#[test]
fn only_platform_admins_administer_the_platform() {
    for role in Role::ALL {
        let d = decide(
            &with(role, 1),
            Action::AdministerPlatform,
            &Resource::Platform,
        );
        assert_eq!(d.is_allowed(), role == Role::PlatformAdmin, "{role:?}");
    }
}

#[test]
fn housing_org_admin_manages_members_below_own_org_only() {
    let admin = with(Role::HousingOrgAdmin, 10);
    let own_department = Resource::Organisation {
        chain: vec![11, 10],
    };
    let other_department = Resource::Organisation {
        chain: vec![21, 20],
    };
    assert!(decide(&admin, Action::ManageMembers, &own_department).is_allowed());
    assert!(!decide(&admin, Action::ManageMembers, &other_department).is_allowed());
    let board = with(Role::BoardMember, 11);
    assert!(!decide(&board, Action::ManageMembers, &own_department).is_allowed());
}

#[test]
fn offers_are_managed_by_their_organisations_people_only() {
    let own = Resource::Organisation { chain: vec![30] };
    for role in [
        Role::Organiser,
        Role::BoardMember,
        Role::HousingOrgAdmin,
        Role::SocialCaretaker,
    ] {
        assert!(
            decide(&with(role, 30), Action::ManageOffers, &own).is_allowed(),
            "{role:?}"
        );
        assert!(
            !decide(&with(role, 31), Action::ManageOffers, &own).is_allowed(),
            "{role:?} elsewhere"
        );
    }
    for role in [Role::Resident, Role::MunicipalOfficer] {
        assert!(
            !decide(&with(role, 30), Action::ManageOffers, &own).is_allowed(),
            "{role:?}"
        );
    }
    assert!(!decide(&with(Role::Organiser, 30), Action::ApproveOffers, &own).is_allowed());
    assert!(
        decide(
            &with(Role::HousingOrgAdmin, 30),
            Action::ApproveOffers,
            &own
        )
        .is_allowed()
    );
}

#[test]
fn public_action_on_private_resource_is_denied() {
    let a = with(Role::Resident, 1);
    assert!(!decide(&a, Action::ReadPublic, &Resource::Platform).is_allowed());
}

#[test]
fn nobody_grants_themselves_a_role_and_a_second_person_confirms_a_caretaker() {
    let admin = with(Role::HousingOrgAdmin, 3); // user 1
    let grant = |grantee, granted_by| Resource::RoleGrant {
        chain: vec![3],
        grantee,
        granted_by,
    };
    assert!(decide(&admin, Action::GrantRole, &grant(2, None)).is_allowed());
    assert!(
        !decide(&admin, Action::GrantRole, &grant(1, None)).is_allowed(),
        "to oneself"
    );
    assert!(
        !decide(
            &with(Role::HousingOrgAdmin, 4),
            Action::GrantRole,
            &grant(2, None)
        )
        .is_allowed(),
        "in another organisation"
    );
    assert!(
        !decide(&admin, Action::ConfirmRoleGrant, &grant(2, Some(1))).is_allowed(),
        "one's own grant"
    );
    assert!(
        !decide(&admin, Action::ConfirmRoleGrant, &grant(1, Some(5))).is_allowed(),
        "a grant to oneself"
    );
    assert!(decide(&admin, Action::ConfirmRoleGrant, &grant(2, Some(5))).is_allowed());
    // The platform administrator's override does not lift the four eyes.
    let operator = with(Role::PlatformAdmin, 99);
    assert!(decide(&operator, Action::ConfirmRoleGrant, &grant(2, Some(5))).is_allowed());
    assert!(!decide(&operator, Action::ConfirmRoleGrant, &grant(2, Some(1))).is_allowed());
    assert!(!decide(&operator, Action::GrantRole, &grant(1, None)).is_allowed());
    for role in Role::ALL {
        assert_eq!(
            grant_needs_confirmation(role),
            role == Role::SocialCaretaker,
            "{role:?}"
        );
        if role != Role::HousingOrgAdmin && role != Role::PlatformAdmin {
            assert!(
                !decide(&with(role, 3), Action::ConfirmRoleGrant, &grant(2, Some(5))).is_allowed(),
                "{role:?}"
            );
        }
    }
}

#[test]
fn an_offer_is_managed_by_its_own_organisation_not_by_the_department_it_is_held_in() {
    // Association 40 holds an activity in department 30 of housing organisation 3.
    let associations = Resource::Offer {
        owner_chain: vec![40],
    };
    let departments_own = Resource::Offer {
        owner_chain: vec![30, 3],
    };
    for role in [Role::Organiser, Role::BoardMember, Role::SocialCaretaker] {
        assert!(
            !decide(&with(role, 30), Action::ManageOffers, &associations).is_allowed(),
            "{role:?} of the department, another association's offer"
        );
    }
    assert!(
        !decide(
            &with(Role::HousingOrgAdmin, 3),
            Action::ManageOffers,
            &associations
        )
        .is_allowed()
    );
    assert!(
        decide(
            &with(Role::Organiser, 40),
            Action::ManageOffers,
            &associations
        )
        .is_allowed()
    );
    assert!(
        decide(
            &with(Role::BoardMember, 30),
            Action::ManageOffers,
            &departments_own
        )
        .is_allowed()
    );
    assert!(
        decide(
            &with(Role::HousingOrgAdmin, 3),
            Action::ManageOffers,
            &departments_own
        )
        .is_allowed()
    );
    assert!(
        decide(
            &with(Role::PlatformAdmin, 1),
            Action::ManageOffers,
            &associations
        )
        .is_allowed()
    );
}

#[test]
fn a_grant_application_is_read_by_its_applicant_its_municipality_and_named_departments_staff() {
    let (applicant, municipality) = (vec![20], vec![30]);
    let departments = vec![vec![41, 40]];
    let reader = |a: &Actor| grant_reader(a, &applicant, &municipality, &departments);
    assert_eq!(
        reader(&with(Role::Organiser, 20)),
        Some(GrantReader::Applicant)
    );
    assert_eq!(
        reader(&with(Role::BoardMember, 20)),
        Some(GrantReader::Applicant)
    );
    assert_eq!(
        reader(&with(Role::MunicipalOfficer, 30)),
        Some(GrantReader::Municipality)
    );
    assert_eq!(
        reader(&with(Role::HousingOrgAdmin, 40)),
        Some(GrantReader::HousingOrganisation),
        "the housing organisation above a named department"
    );
    for (role, org) in [
        (Role::Organiser, 21),
        (Role::MunicipalOfficer, 31),
        (Role::SocialCaretaker, 40),
        (Role::BoardMember, 41),
        (Role::Resident, 41),
        (Role::HousingOrgAdmin, 42),
    ] {
        assert_eq!(reader(&with(role, org)), None, "{role:?} in {org}");
    }
    let operator = with(Role::PlatformAdmin, 1);
    assert_eq!(reader(&operator), Some(GrantReader::Platform));
    let password_only = Actor {
        second_factor: false,
        ..operator
    };
    assert_eq!(reader(&password_only), None);
    assert_eq!(reader(&Actor::anonymous()), None);
}

#[test]
fn grant_calls_are_the_municipalitys_and_applications_the_organisations() {
    let kommune = Resource::Organisation { chain: vec![30] };
    let forening = Resource::Organisation { chain: vec![20] };
    assert!(
        decide(
            &with(Role::MunicipalOfficer, 30),
            Action::ManageGrantCalls,
            &kommune
        )
        .is_allowed()
    );
    assert!(
        !decide(
            &with(Role::MunicipalOfficer, 31),
            Action::ManageGrantCalls,
            &kommune
        )
        .is_allowed()
    );
    assert!(
        !decide(
            &with(Role::Organiser, 30),
            Action::ManageGrantCalls,
            &kommune
        )
        .is_allowed()
    );
    assert!(
        decide(
            &with(Role::Organiser, 20),
            Action::ApplyForGrants,
            &forening
        )
        .is_allowed()
    );
    assert!(!decide(&with(Role::Resident, 20), Action::ApplyForGrants, &forening).is_allowed());
    assert!(
        !decide(
            &with(Role::MunicipalOfficer, 30),
            Action::ApplyForGrants,
            &forening
        )
        .is_allowed()
    );
}

#[test]
fn partnerships_are_managed_by_the_people_who_run_a_party() {
    let department = Resource::Organisation {
        chain: vec![41, 40],
    };
    for (role, org, allowed) in [
        (Role::HousingOrgAdmin, 40, true),
        (Role::BoardMember, 41, true),
        (Role::Organiser, 41, true),
        (Role::MunicipalOfficer, 40, true),
        (Role::Resident, 41, false),
        (Role::SocialCaretaker, 40, false),
        (Role::HousingOrgAdmin, 42, false),
        (Role::BoardMember, 43, false),
    ] {
        assert_eq!(
            decide(&with(role, org), Action::ManagePartnerships, &department).is_allowed(),
            allowed,
            "{role:?} in {org}"
        );
    }
    assert_eq!(
        decide(&Actor::anonymous(), Action::ManagePartnerships, &department),
        Decision::Deny(Denial::NotSignedIn)
    );
}

#[test]
fn volunteering_alerts_are_for_the_departments_board_and_staff() {
    let department = Resource::Organisation {
        chain: vec![41, 40],
    };
    for (role, org, allowed) in [
        (Role::BoardMember, 41, true),
        (Role::HousingOrgAdmin, 40, true),
        (Role::SocialCaretaker, 40, true),
        (Role::Organiser, 41, false),
        (Role::Resident, 41, false),
        (Role::MunicipalOfficer, 40, false),
        (Role::BoardMember, 42, false),
    ] {
        assert_eq!(
            decide(&with(role, org), Action::FollowVolunteering, &department).is_allowed(),
            allowed,
            "{role:?} in {org}"
        );
    }
}

#[test]
fn surveys_are_run_by_staff_and_the_municipality_and_read_with_the_impact_also_by_the_board() {
    // Department 41 of housing organisation 40, in the municipality whose organisation is 90.
    let department = Resource::Department {
        chain: vec![41, 40],
        municipality: vec![90],
    };
    for (role, org, runs, reads) in [
        (Role::HousingOrgAdmin, 40, true, true),
        (Role::SocialCaretaker, 40, true, true),
        (Role::MunicipalOfficer, 90, true, true),
        (Role::BoardMember, 41, false, true),
        (Role::Organiser, 41, false, false),
        (Role::Resident, 41, false, false),
        (Role::MunicipalOfficer, 91, false, false),
        (Role::HousingOrgAdmin, 42, false, false),
        (Role::BoardMember, 43, false, false),
    ] {
        let actor = with(role, org);
        assert_eq!(
            decide(&actor, Action::RunSurveys, &department).is_allowed(),
            runs,
            "{role:?} in {org} runs"
        );
        assert_eq!(
            decide(&actor, Action::ReadSurveyReports, &department).is_allowed(),
            reads,
            "{role:?} in {org} reads"
        );
        assert_eq!(
            decide(&actor, Action::ReadImpact, &department).is_allowed(),
            reads,
            "{role:?} in {org} reads the impact"
        );
    }
    assert_eq!(
        decide(&Actor::anonymous(), Action::ReadSurveyReports, &department),
        Decision::Deny(Denial::NotSignedIn)
    );
}
