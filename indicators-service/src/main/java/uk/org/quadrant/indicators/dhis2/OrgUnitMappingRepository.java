package uk.org.quadrant.indicators.dhis2;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OrgUnitMappingRepository extends CrudRepository<OrgUnitMappingRow, String> {

    @Query("SELECT * FROM dhis2_org_unit ORDER BY org_unit")
    List<OrgUnitMappingRow> listInOrder();
}
