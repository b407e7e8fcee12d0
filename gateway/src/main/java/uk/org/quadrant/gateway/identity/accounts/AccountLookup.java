package uk.org.quadrant.gateway.identity.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import uk.org.quadrant.gateway.identity.directory.UserAccount;

import java.util.List;

/** Accounts by e-mail address, for "Forgotten your password?" (addresses are compared without case). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface AccountLookup extends GenericRepository<UserAccount, Long> {

    @Query("SELECT * FROM user_account WHERE LOWER(email) = LOWER(:email) ORDER BY username")
    List<UserAccount> findByEmailIgnoringCase(String email);
}
