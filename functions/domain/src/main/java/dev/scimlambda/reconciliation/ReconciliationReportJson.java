package dev.scimlambda.reconciliation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimlambda.scim.ScimJson;
import java.util.Locale;

/** The report as the admin API answers it and the scheduled reconciliation logs it: one shape for both. */
public final class ReconciliationReportJson {

  private ReconciliationReportJson() {}

  public static ObjectNode of(ReconciliationReport report) {
    ObjectNode node = ScimJson.MAPPER.createObjectNode();
    node.put("changed", !report.unchanged());
    node.put("scimUsersChecked", report.scimUsersChecked());
    node.put("appUsersChecked", report.appUsersChecked());
    node.put("appUsersRepaired", report.appUsersRepaired());
    node.put("tagsAdded", report.tagsAdded());
    node.put("tagsRemoved", report.tagsRemoved());
    node.put("profilesUpdated", report.profilesUpdated());
    node.put("accessGranted", report.accessGranted());
    node.put("accessRevoked", report.accessRevoked());
    node.put("seatsTaken", report.seatsTaken());
    node.put("seatsFreed", report.seatsFreed());
    node.put("identityLinksRemoved", report.identityLinksRemoved());
    node.put("appUsersRemoved", report.appUsersRemoved());
    if (report.seatLedger() == null) {
      node.putNull("seatLedger");
    } else {
      node.putObject("seatLedger").put("before", report.seatLedger().before()).put("after", report.seatLedger().after());
    }
    ArrayNode changes = node.putArray("changes");
    for (ReconciliationReport.Change change : report.changes()) {
      ObjectNode item = changes.addObject()
          .put("kind", change.kind().name().toLowerCase(Locale.ROOT))
          .put("appUserId", change.appUserId());
      if (change.detail() != null) {
        item.put("detail", change.detail());
      }
    }
    node.put("changesNotListed", report.changesNotListed());
    return node;
  }
}
