import ECPACore
import Foundation
import LibPQ

/// Who the current connection is, as PostgreSQL sees it.
public struct Identity: Sendable, Equatable {
    /// The login or `SET ROLE` role: `current_user`.
    public var role: String
    public var isSecretariat: Bool
    /// The country the role represents, for a national representative.
    public var country: CountryCode?

    public init(role: String, isSecretariat: Bool, country: CountryCode?) {
        self.role = role
        self.isSecretariat = isSecretariat
        self.country = country
    }
}

/// People: the secretariat and the national representatives, each a PostgreSQL login role.
public struct PersonRepository {
    let db: any SQLExecutor

    public init(_ db: any SQLExecutor) { self.db = db }

    /// The current role, whether it is in the secretariat, and the country it represents.
    public func currentIdentity() throws -> Identity {
        try translating {
            guard
                let row = try db.query(
                    """
                    SELECT current_user::text AS role, ecpa.is_secretariat() AS secretariat,
                           ecpa.my_country() AS country
                    """
                ).first
            else { throw StoreError.database("PostgreSQL did not say who you are.") }
            let country: String? = try row.decode("country")
            return Identity(
                role: try row.decode("role"),
                isSecretariat: try row.decode("secretariat"),
                country: country.flatMap { CountryCode($0) })
        }
    }

    /// Creates a login role with a password verifier (never a clear password) in the person's group.
    public func createLoginRole(_ role: String, passwordVerifier: String, kind: PersonKind) throws {
        try createLoginRole(role, passwordVerifier: passwordVerifier, group: kind.rawValue)
    }

    /// Creates a login role in a group: `secretariat`, `national_representative` or `juror`.
    public func createLoginRole(_ role: String, passwordVerifier: String, group: String) throws {
        try translating {
            _ = try db.query(
                """
                SELECT ecpa.create_login_role(\(role), \(passwordVerifier), \(group))
                """)
        }
    }

    /// The login this session connected as (whatever role it acts as with SET ROLE).
    public func sessionLogin() throws -> String {
        try translating { try db.query("SELECT session_user::text AS login").first?.decode("login") ?? "" }
    }

    /// Sets the password of the login this session connected as, from a SCRAM verifier computed on
    /// the client (PostgreSQL lets every login change its own password; nobody else's is touched).
    /// `ALTER ROLE` takes no parameters, so the verifier is spliced in only once it is known to hold
    /// nothing but the characters a SCRAM-SHA-256 verifier has.
    public func changeOwnPassword(verifier: String) throws {
        let scram = #/SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+/#
        guard verifier.wholeMatch(of: scram) != nil else {
            throw StoreError.database("The password could not be hashed as SCRAM-SHA-256; nothing was changed.")
        }
        try translating { try db.execute(SQL(unsafeRaw: "ALTER ROLE SESSION_USER PASSWORD '\(verifier)'")) }
    }

    /// Sets a new password for a national representative's or a juror's login, from a SCRAM
    /// verifier computed on the client (secretariat). PostgreSQL resets only those logins, never a
    /// member of the secretariat's or anyone else's, and notes the reset in the audit log.
    public func resetPassword(_ role: String, verifier: String) throws {
        try translating(permissionDenied: "Only the secretariat resets another person's password; change your own with `ecpa user password`.") {
            _ = try db.query("SELECT ecpa.reset_password(\(role), \(verifier))")
        }
    }

    /// Adds an existing login role to the person's group.
    public func grantGroup(_ role: String, kind: PersonKind) throws {
        try grantGroup(role, group: kind.rawValue)
    }

    /// Adds an existing login role to a group: `secretariat`, `national_representative` or `juror`.
    public func grantGroup(_ role: String, group: String) throws {
        try translating {
            _ = try db.query("SELECT ecpa.grant_group(\(role), \(group))")
        }
    }

    /// Records who a login role is.
    public func insertPerson(_ person: Person) throws {
        try translating(
            permissionDenied: "Only the secretariat may register people; an administrator first joins the secretariat group (docs/operations.md)."
        ) {
            try db.execute(
                """
                INSERT INTO ecpa.people (role_name, kind, country_code, display_name, email)
                VALUES (\(person.roleName), \(person.kind.rawValue), \(person.country?.rawValue),
                        \(person.displayName), \(person.email))
                """)
        }
    }

    /// Everyone the current role may see, by kind, country and name.
    public func fetchPeople() throws -> [Person] {
        try translating {
            try db.query(
                """
                SELECT role_name, kind, country_code, display_name, email FROM ecpa.people
                ORDER BY kind DESC, country_code NULLS FIRST, role_name
                """
            ).map(Self.decode)
        }
    }

    /// Whether a login role exists in the cluster.
    public func roleExists(_ role: String) throws -> Bool {
        try translating {
            try db.query("SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = \(role)) AS found")
                .first?.decode("found") ?? false
        }
    }

    static func decode(_ row: Row) throws -> Person {
        let country: String? = try row.decode("country_code")
        return Person(
            roleName: try row.decode("role_name"),
            displayName: try row.decode("display_name"),
            kind: try row.enumValue("kind"),
            email: try row.decode("email"),
            country: country.flatMap { CountryCode($0) })
    }
}
