package uk.org.quadrant.indicators.dhis2;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface DataElementMappingRepository extends CrudRepository<DataElementMappingRow, Long> {

    @Query("SELECT * FROM dhis2_data_element ORDER BY data_element, category_option_combo")
    List<DataElementMappingRow> listInOrder();
}
