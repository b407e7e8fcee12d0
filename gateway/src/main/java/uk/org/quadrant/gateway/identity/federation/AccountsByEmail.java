package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import uk.org.quadrant.gateway.identity.directory.UserAccount;

import java.util.List;

/** The accounts holding an e-mail address, compared without case (addresses are stored as typed). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface AccountsByEmail extends GenericRepository<UserAccount, Long> {

    @Query("SELECT * FROM user_account WHERE LOWER(email) = LOWER(:email) ORDER BY id")
    List<UserAccount> findByEmail(String email);
}
