package uk.org.quadrant.gateway.admin;

import uk.org.quadrant.gateway.identity.directory.AccountEvents;
import uk.org.quadrant.gateway.web.forms.Form;
import uk.org.quadrant.gateway.web.forms.FormErrors;
import uk.org.quadrant.gateway.web.forms.Notice;
import uk.org.quadrant.gateway.web.forms.Option;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import uk.org.quadrant.gateway.identity.accounts.AccountLinkService;
import uk.org.quadrant.gateway.identity.directory.Agency;
import uk.org.quadrant.gateway.identity.directory.AgencyRepository;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.AlreadyExistsException;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.StaleVersionException;
import uk.org.quadrant.gateway.identity.directory.EmailAddresses;
import uk.org.quadrant.gateway.identity.directory.PasswordRules;
import uk.org.quadrant.gateway.identity.directory.Role;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.tokens.SessionEnd;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.identity.directory.Usernames;
import uk.org.quadrant.gateway.identity.tokens.AuthConfiguration;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The people who sign in: list, add, edit (name, agency, roles, e-mail address), disable or enable, reset a password.
 * Sessions carry agency and roles in a short-lived token, so a change reaches a signed-in person when
 * the session is next renewed (within one token lifetime), and the pages say so.
 */
@Controller(value = "/admin/users", produces = MediaType.TEXT_HTML)
@Secured(AdminAccess.MANAGER)
@ExecuteOn(TaskExecutors.BLOCKING)
class UserAdminController {

    /** The add form's choice: send an invitation by e-mail instead of typing a password. */
    static final String INVITE = "invite";
    private static final Pattern USERNAME = Usernames.ALPHABET;

    private final UserAccountRepository users;
    private final AgencyRepository agencies;
    private final DirectoryAdministration admin;
    private final long renewalMinutes;
    private final SessionEnd sessions;
    private final AccountLinkService invitations;
    private final AccountEvents notices;

    UserAdminController(UserAccountRepository users, AgencyRepository agencies, DirectoryAdministration admin,
                        AuthConfiguration auth, SessionEnd sessions, AccountLinkService invitations, AccountEvents notices) {
        this.invitations = invitations;
        this.notices = notices;
        this.users = users;
        this.agencies = agencies;
        this.admin = admin;
        this.renewalMinutes = Math.max(1, auth.tokenLifetime().toMinutes());
        this.sessions = sessions;
    }

    /** A user as the list shows them. */
    record UserRow(String username, String displayName, String agencyCode, String agencyName, String roles, boolean enabled) {
    }

    @Get
    HttpResponse<?> list(@QueryValue @Nullable String notice, @QueryValue @Nullable String subject) {
        Map<String, String> names = agencyNames();
        List<UserRow> rows = users.listOrderByUsername().stream()
                .map(u -> new UserRow(u.username(), u.displayName(), u.agencyCode(), names.getOrDefault(u.agencyCode(), u.agencyCode()),
                        String.join(", ", u.roleSet().stream().map(Role::label).toList()), u.enabled()))
                .toList();
        Map<String, Object> model = base();
        model.put("users", rows);
        model.put("banner", Notice.banner(notice, subject));
        return page("admin/users", model, HttpStatus.OK);
    }

    @Get("/new")
    HttpResponse<?> addForm() {
        Map<String, Object> model = formModel(Map.of("username", "", "displayName", "", "agencyCode", "", "email", "",
                "passwordChoice", "set"), Set.of());
        FormErrors.none(model);
        return page("admin/user-add", model, HttpStatus.OK);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(@Body Map<String, Object> body, Authentication authentication) {
        Form form = new Form(body);
        String username = Usernames.fold(form.value("username"));
        FormErrors errors = FormErrors.byInputName();
        checkUsername(username, errors);
        if (errors.isEmpty() && users.findByUsername(username).isPresent()) {
            errors.add("username", "A user called " + username + " already exists");
        }
        Set<Role> roles = checkDetails(form, errors);
        String email = checkEmail(form, errors);
        boolean invite = INVITE.equals(form.value("passwordChoice"));
        if (invite) {
            if (email == null) {
                errors.add("email", "Enter the e-mail address the invitation goes to");
            }
        } else {
            checkPassword(form.raw("password"), username, errors);
        }
        if (errors.isEmpty()) {
            try {
                if (invite) {
                    UserAccount added = admin.addInvitedUser(username, form.value("displayName"), form.value("agencyCode"), roles,
                            email, AdminAccess.changedBy(authentication));
                    invitations.invite(added, AdminAccess.changedBy(authentication), false);
                    return Form.done("/admin/users", Notice.USER_INVITED, username);
                }
                admin.addUser(username, form.value("displayName"), form.value("agencyCode"), roles, email, form.raw("password"),
                        AdminAccess.changedBy(authentication));
                return Form.done("/admin/users", Notice.USER_ADDED, username);
            } catch (AlreadyExistsException e) {
                errors.add("username", "A user called " + username + " already exists");
            }
        }
        Map<String, Object> model = formModel(Map.of("username", username, "displayName", form.value("displayName"),
                "agencyCode", form.value("agencyCode"), "email", form.value("email"),
                "passwordChoice", invite ? INVITE : "set"), roles);
        errors.into(model);
        return page("admin/user-add", model, HttpStatus.BAD_REQUEST);
    }

    @Get("/{username}")
    HttpResponse<?> editForm(@PathVariable String username, @QueryValue @Nullable String notice, @QueryValue @Nullable String subject) {
        UserAccount user = require(username);
        Map<String, Object> model = editModel(user, values(user), user.roleSet());
        FormErrors.none(model);
        model.put("banner", Notice.banner(notice, subject));
        return page("admin/user-edit", model, HttpStatus.OK);
    }

    @Post(value = "/{username}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> edit(@PathVariable String username, @Body Map<String, Object> body, Authentication authentication) {
        UserAccount user = require(username);
        Form form = new Form(body);
        FormErrors errors = FormErrors.byInputName();
        Set<Role> roles = checkDetails(form, errors);
        String email = checkEmail(form, errors);
        if (isSelf(user, authentication) && !roles.contains(Role.BOARD_MANAGER)) {
            errors.add("roles", "You cannot remove your own board manager role: ask another board manager to do it");
        }
        long version = version(form);
        if (errors.isEmpty()) {
            try {
                admin.updateUser(user.id(), version, form.value("displayName"), form.value("agencyCode"), roles, email,
                        AdminAccess.changedBy(authentication));
                return Form.done("/admin/users", Notice.USER_SAVED, username);
            } catch (StaleVersionException e) {
                return conflict((UserAccount) e.current());
            }
        }
        Map<String, Object> model = editModel(user, Map.of("displayName", form.value("displayName"), "agencyCode", form.value("agencyCode"),
                "email", form.value("email")), roles);
        model.put("version", version);
        errors.into(model);
        return page("admin/user-edit", model, HttpStatus.BAD_REQUEST);
    }

    @Post(value = "/{username}/enabled", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> setEnabled(@PathVariable String username, @Body Map<String, Object> body, Authentication authentication) {
        UserAccount user = require(username);
        Form form = new Form(body);
        boolean enable = form.checked("enabled");
        if (!enable && isSelf(user, authentication)) {
            Map<String, Object> model = editModel(user, values(user), user.roleSet());
            FormErrors errors = FormErrors.byInputName();
            errors.general("You cannot disable your own account: ask another board manager to do it");
            errors.into(model);
            return page("admin/user-edit", model, HttpStatus.BAD_REQUEST);
        }
        try {
            admin.setEnabled(user.id(), version(form), enable, AdminAccess.changedBy(authentication));
            sessions.ended(username);
        } catch (StaleVersionException e) {
            return conflict((UserAccount) e.current());
        }
        return Form.done("/admin/users", enable ? Notice.USER_ENABLED : Notice.USER_DISABLED, username);
    }

    /**
     * Sends the invitation again (issue 19): only while the person has not chosen a password; the earlier
     * link stops working.
     */
    @Post(value = "/{username}/invitation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resendInvitation(@PathVariable String username, Authentication authentication) {
        UserAccount user = require(username);
        if (user.hasPassword() || user.email() == null || !user.enabled()) {
            Map<String, Object> model = editModel(user, values(user), user.roleSet());
            FormErrors errors = FormErrors.byInputName();
            errors.general(user.hasPassword() ? "This person has already chosen a password: reset it instead"
                    : user.email() == null ? "Add an e-mail address first: the invitation goes there"
                    : "Enable the account first");
            errors.into(model);
            return page("admin/user-edit", model, HttpStatus.BAD_REQUEST);
        }
        invitations.invite(user, AdminAccess.changedBy(authentication), true);
        return Form.done("/admin/users/" + username, Notice.INVITATION_SENT, user.email());
    }

    @Get("/{username}/password")
    HttpResponse<?> passwordForm(@PathVariable String username) {
        UserAccount user = require(username);
        Map<String, Object> model = base();
        model.put("user", user);
        model.put("version", user.version());
        FormErrors.none(model);
        return page("admin/user-password", model, HttpStatus.OK);
    }

    @Post(value = "/{username}/password", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resetPassword(@PathVariable String username, @Body Map<String, Object> body, Authentication authentication) {
        UserAccount user = require(username);
        Form form = new Form(body);
        FormErrors errors = FormErrors.byInputName();
        checkPassword(form.raw("password"), user.username(), errors);
        if (errors.isEmpty() && !form.raw("password").equals(form.raw("confirmPassword"))) {
            errors.add("confirmPassword", "The two passwords do not match");
        }
        Map<String, Object> model = base();
        model.put("user", user);
        model.put("version", version(form));
        if (errors.isEmpty()) {
            try {
                UserAccount saved = admin.resetPassword(user.id(), version(form), form.raw("password"), AdminAccess.changedBy(authentication));
                sessions.ended(username);
                notices.passwordSetByManager(saved);
                MutableHttpResponse<?> done = Form.done("/admin/users", Notice.PASSWORD_RESET, username);
                if (isSelf(user, authentication)) {
                    sessions.continueOwn(authentication).ifPresent(done::cookie);
                }
                return done;
            } catch (StaleVersionException e) {
                UserAccount current = (UserAccount) e.current();
                model.put("user", current);
                model.put("version", current.version());
                model.put("conflict", true);
                FormErrors.none(model);
                return page("admin/user-password", model, HttpStatus.CONFLICT);
            }
        }
        errors.into(model);
        return page("admin/user-password", model, HttpStatus.BAD_REQUEST);
    }

    /** Name, agency and roles: the same rules on add and edit. */
    private Set<Role> checkDetails(Form form, FormErrors errors) {
        checkDisplayName(form.value("displayName"), errors);
        String agency = form.value("agencyCode");
        if (agency.isEmpty()) {
            errors.add("agencyCode", "Choose the person's agency");
        } else if (!agencies.existsById(agency)) {
            errors.add("agencyCode", "Choose an agency from the list");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        boolean unknown = false;
        for (String r : form.all("roles")) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException e) {
                unknown = true;
            }
        }
        if (roles.isEmpty() || unknown) {
            errors.add("roles", "Choose at least one role from the list");
        }
        return roles;
    }

    /** The e-mail address: optional (none: no reminders), and when given, one that looks like an address. */
    private static String checkEmail(Form form, FormErrors errors) {
        String email = form.text("email");
        if (email == null) {
            return null;
        }
        EmailAddresses.problem(email).ifPresent(problem -> errors.add("email", problem));
        return email;
    }

    /** The edit form filled with what is saved now. */
    private static Map<String, String> values(UserAccount user) {
        return Map.of("displayName", user.displayName(), "agencyCode", user.agencyCode(),
                "email", user.email() == null ? "" : user.email());
    }

    /** The rules for a new username, shared with the bootstrap command (BootstrapManagerCommand). */
    static void checkUsername(String username, FormErrors errors) {
        if (username.isEmpty()) {
            errors.add("username", "Enter a username");
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add("username", "Username must be 2 to 100 characters: lower-case letters, digits, dots, hyphens and underscores, starting with a letter or digit");
        }
    }

    static void checkDisplayName(String name, FormErrors errors) {
        if (name.isEmpty()) {
            errors.add("displayName", "Enter the person's name or role title");
        } else if (name.length() > 200) {
            errors.add("displayName", "Name must be 200 characters or fewer");
        }
    }

    /** The password rules of every form that sets one, and of the bootstrap command ({@link PasswordRules}). */
    static void checkPassword(String password, String username, FormErrors errors) {
        PasswordRules.problem(password, username).ifPresent(problem -> errors.add("password", problem));
    }

    private static long version(Form form) {
        try {
            return Long.parseLong(form.value("version"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isSelf(UserAccount user, Authentication authentication) {
        return user.username().equals(authentication.getName());
    }

    private HttpResponse<?> conflict(UserAccount current) {
        Map<String, Object> model = editModel(current, values(current), current.roleSet());
        model.put("conflict", true);
        FormErrors.none(model);
        return page("admin/user-edit", model, HttpStatus.CONFLICT);
    }

    private UserAccount require(String username) {
        return users.findByUsername(username)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Page not found"));
    }

    private Map<String, Object> editModel(UserAccount user, Map<String, String> values, Set<Role> roles) {
        Map<String, Object> model = formModel(values, roles);
        model.put("user", user);
        model.put("version", user.version());
        model.put("agencyName", agencyNames().getOrDefault(user.agencyCode(), user.agencyCode()));
        model.put("currentRoles", String.join(", ", user.roleSet().stream().map(Role::label).toList()));
        return model;
    }

    private Map<String, Object> formModel(Map<String, String> values, Set<Role> roles) {
        Map<String, Object> model = base();
        model.put("form", new HashMap<>(values));
        model.put("agencyOptions", agencies.listOrderByName().stream().map(a -> new Option(a.code(), a.name() + " (" + a.code() + ")")).toList());
        model.put("roleOptions", Arrays.stream(Role.values()).map(r -> new Option(r.name(), r.label())).toList());
        model.put("chosenRoles", roles.stream().map(Role::name).toList());
        return model;
    }

    private Map<String, Object> base() {
        Map<String, Object> model = new HashMap<>();
        model.put("renewalMinutes", renewalMinutes);
        return model;
    }

    private Map<String, String> agencyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Agency a : agencies.listOrderByName()) {
            names.put(a.code(), a.name());
        }
        return names;
    }

    private static HttpResponse<?> page(String view, Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model));
    }
}
