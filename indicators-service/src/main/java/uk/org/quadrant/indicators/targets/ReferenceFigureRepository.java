package uk.org.quadrant.indicators.targets;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ReferenceFigureRepository extends CrudRepository<ReferenceFigure, Long> {

    List<ReferenceFigure> findByIndicatorCode(String indicatorCode);

    List<ReferenceFigure> findByIndicatorCodeAndKind(String indicatorCode, ReferenceKind kind);

    List<ReferenceFigure> findByIndicatorCodeInList(Collection<String> indicatorCodes);

    Optional<ReferenceFigure> findByIndicatorCodeAndKindAndPeriodAndComparator(String indicatorCode, ReferenceKind kind,
                                                                               String period, String comparator);
}
