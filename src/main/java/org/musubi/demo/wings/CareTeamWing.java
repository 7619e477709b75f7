package org.musubi.demo.wings;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.musubi.carenet.CareTeams;
import org.musubi.carenet.TeamEntry;
import org.musubi.carenet.RecordTeamVitals.Measure;
import org.musubi.registry.User;

/**
 * The home-care team of an elderly resident living at home: the care manager made it and invited the visiting nurse
 * and the clinic's doctor; the care manager's note of the service meeting, the nurse's visit (vital signs and a SOAP
 * note), and a task each has given the other.
 */
final class CareTeamWing {

    /** The team's name as the care manager typed it. */
    static final String TEAM = "在宅ケアチーム";

    private final CareTeams teams;
    private final DemoWings.TeamActs workspace;

    CareTeamWing(CareTeams teams, DemoWings.TeamActs workspace) {
        this.teams = teams;
        this.workspace = workspace;
    }

    /** Makes the team for {@code personId}; returns its id. */
    UUID tell(WingContext c, long personId, User careManager, User visitingNurse, User doctor) {
        CareTeams.Actor manager = actor(careManager);
        CareTeams.Actor nurse = actor(visitingNurse);
        UUID team = c.actAs().user(careManager.id(), () -> {
            UUID id = teams.create(manager, personId, TEAM, CareTeams.Role.CARE_MANAGER).id();
            teams.invite(manager, id, visitingNurse.id(), CareTeams.Role.VISITING_NURSE, null);
            if (doctor != null) {
                teams.invite(manager, id, doctor.id(), CareTeams.Role.DOCTOR, null);
            }
            workspace.notes().write(manager, id, TeamEntry.Kind.CARE_NOTE, List.of(
                    "サービス担当者会議：ご本人・長男様同席。週2回の訪問看護と週3回の訪問介護を継続。"
                            + "最近ふらつきがあり、転倒予防のため手すりの設置を検討します。"));
            return id;
        });
        c.actAs().user(visitingNurse.id(), () -> {
            Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
            values.put(Measure.SYSTOLIC, BigDecimal.valueOf(148));
            values.put(Measure.DIASTOLIC, BigDecimal.valueOf(86));
            values.put(Measure.PULSE, BigDecimal.valueOf(78));
            values.put(Measure.TEMPERATURE, new BigDecimal("36.6"));
            values.put(Measure.SPO2, BigDecimal.valueOf(96));
            workspace.vitals().record(nurse, team, values);
            workspace.notes().write(nurse, team, TeamEntry.Kind.SOAP, List.of(
                    "朝、立ち上がるときにふらつくことがある。",
                    "血圧 148/86、脈拍 78、下肢の浮腫なし。お薬カレンダーに飲み忘れ2回。",
                    "服薬の飲み忘れあり。ふらつきは起立時の血圧変動の可能性。",
                    "主治医に報告。服薬カレンダーの確認を継続し、次回訪問時に起立時の血圧を測定する。"));
            workspace.tasks().assign(nurse, team, "福祉用具（手すり）の手配をお願いします", careManager.id(), c.today().plusDays(7));
            return true;
        });
        c.actAs().user(careManager.id(), () -> {
            workspace.tasks().assign(manager, team, "次回訪問時に服薬状況と起立時の血圧を確認してください", visitingNurse.id(),
                    c.today().plusDays(3));
            return true;
        });
        return team;
    }

    private static CareTeams.Actor actor(User user) {
        return new CareTeams.Actor(user.id(), user.actingFacilityId().orElse(null));
    }
}
