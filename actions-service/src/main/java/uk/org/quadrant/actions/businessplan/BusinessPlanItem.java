package uk.org.quadrant.actions.businessplan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/** An aim or priority of the board's business plan: "this means the board will …". */
@Serdeable
@MappedEntity("business_plan_item")
public record BusinessPlanItem(@Id @GeneratedValue @Nullable Long id, String planYear, String kind, int number, String title,
                               @Nullable String means) {
}
