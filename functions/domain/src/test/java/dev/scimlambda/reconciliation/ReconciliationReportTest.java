package dev.scimlambda.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimlambda.reconciliation.ReconciliationReport.Change;
import dev.scimlambda.reconciliation.ReconciliationReport.Kind;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReconciliationReportTest {

  private static ReconciliationReport tagsAdded(int count) {
    List<Change> changes = IntStream.range(0, count).mapToObj(i -> new Change(Kind.TAG_ADDED, "u" + i, "Group:T")).toList();
    return new ReconciliationReport(count, count, count, count, 0, 0, 0, 0, 0, 0, 0, 0, null, changes, 0);
  }

  @Test
  void pagesAddUpAndTheListOfChangesStopsAtItsLimitCountingTheRest() {
    ReconciliationReport total = tagsAdded(70).plus(tagsAdded(70));
    assertThat(total.tagsAdded()).isEqualTo(140);
    assertThat(total.changes()).hasSize(ReconciliationReport.LISTED_CHANGES);
    assertThat(total.changesNotListed()).isEqualTo(40);
    assertThat(total.unchanged()).isFalse();
  }

  @Test
  void onlyWritesMakeAReportChanged() {
    ReconciliationReport checkedOnly =
        new ReconciliationReport(5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, List.of(), 0);
    assertThat(ReconciliationReport.EMPTY.plus(checkedOnly).unchanged()).isTrue();
    assertThat(checkedOnly.plus(new ReconciliationReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        new ReconciliationReport.LedgerRepair(3, 2), List.of(), 0)).unchanged()).isFalse();
  }
}
