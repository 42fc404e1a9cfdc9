-- After publication anyone with a login (a representative, a juror, a public reader) can check the
-- published result with `ecpa results verify`: the ranking is recomputed from the scores, the
-- digests from the rows. These views show what that needs, for published editions only, and
-- nothing personal: jurors by seat and country (the jury comes from the presidencies, so its
-- countries are known), never by name or login; scores without the jurors' comments; declared
-- conflicts without their reasons; entries as the booklet prints them, without the contact
-- person's name, e-mail or phone, and never drafts or withdrawn entries. The views run as their
-- owner, so they show the same rows to everyone who may read them.
SET ROLE ecpa_owner;

-- Whether the acting role may read an edition's results: the secretariat always, everyone once
-- the edition is published.
CREATE FUNCTION ecpa.may_read_results(p_edition bigint) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT ecpa.is_secretariat()
            OR EXISTS (SELECT FROM ecpa.editions WHERE id = p_edition AND phase = 'published')
    $$;

CREATE VIEW ecpa.published_editions WITH (security_barrier) AS
    SELECT id FROM ecpa.editions WHERE phase = 'published';

CREATE VIEW ecpa.published_entries WITH (security_barrier) AS
    SELECT e.id, e.edition_id, e.country_code, e.kind, e.state, NULL::text AS ineligible_reason, e.title,
           NULL::text AS contact_name, e.contact_organisation, NULL::text AS contact_email,
           NULL::text AS contact_phone, e.start_date, e.still_running, e.end_date, e.links, e.description,
           e.objectives, e.target_group, e.evaluation_method, e.evaluation_results, e.innovation, e.partners,
           e.transferability, e.costs_funding, e.created_at, NULL::text AS created_by, e.updated_at,
           e.submitted_at, NULL::timestamptz AS withdrawn_at, e.late_acceptance_id
    FROM ecpa.entries e
    WHERE e.edition_id IN (SELECT id FROM ecpa.published_editions) AND e.state NOT IN ('draft', 'withdrawn');

CREATE VIEW ecpa.published_jurors WITH (security_barrier) AS
    SELECT j.id, j.edition_id, 'seat ' || row_number() OVER (PARTITION BY j.edition_id ORDER BY j.id) AS role_name,
           j.country_code, 'Juror, seat ' || row_number() OVER (PARTITION BY j.edition_id ORDER BY j.id) AS display_name,
           j.voting, j.chair
    FROM ecpa.jurors j
    WHERE j.edition_id IN (SELECT id FROM ecpa.published_editions);

CREATE VIEW ecpa.published_conflicts WITH (security_barrier) AS
    SELECT c.edition_id, c.juror_id, c.entry_id, c.source,
           CASE WHEN c.source = 'own country' THEN c.reason ELSE 'declared by the juror' END AS reason
    FROM (
        SELECT j.edition_id, j.id AS juror_id, e.id AS entry_id, 'own country' AS source,
               format('the juror is from %s', co.name) AS reason
        FROM ecpa.jurors j
        JOIN ecpa.editions ed ON ed.id = j.edition_id AND ed.own_country_conflict
        JOIN ecpa.entries e ON e.edition_id = j.edition_id AND e.country_code = j.country_code
        JOIN ecpa.countries co ON co.code = j.country_code
        UNION ALL
        SELECT j.edition_id, d.juror_id, d.entry_id, 'declared', d.reason
        FROM ecpa.declared_conflicts d JOIN ecpa.jurors j ON j.id = d.juror_id
    ) c
    WHERE c.edition_id IN (SELECT id FROM ecpa.published_editions);

CREATE VIEW ecpa.published_scores WITH (security_barrier) AS
    SELECT s.edition_id, s.entry_id, s.juror_id, s.criterion_code, s.value, NULL::text AS comment
    FROM ecpa.scores s
    WHERE s.edition_id IN (SELECT id FROM ecpa.published_editions);

CREATE VIEW ecpa.published_abstentions WITH (security_barrier) AS
    SELECT a.edition_id, a.entry_id, a.juror_id, NULL::text AS comment
    FROM ecpa.abstentions a
    WHERE a.edition_id IN (SELECT id FROM ecpa.published_editions);

CREATE VIEW ecpa.published_overrides WITH (security_barrier) AS
    SELECT o.edition_id, o.entry_id, o.place, o.reason
    FROM ecpa.overrides o
    WHERE o.edition_id IN (SELECT id FROM ecpa.published_editions);

GRANT SELECT ON ecpa.published_editions, ecpa.published_entries, ecpa.published_jurors, ecpa.published_conflicts,
    ecpa.published_scores, ecpa.published_abstentions, ecpa.published_overrides
    TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;
-- The scheme was declared before scoring and is printed with the results.
GRANT SELECT ON ecpa.schemes, ecpa.criteria TO ecpa_national_representative;
GRANT SELECT ON ecpa.countries TO ecpa_reader;

-- The checks `results verify` runs read the whole edition, whoever asks; they answer for the
-- secretariat, and for everyone once the edition is published.
CREATE OR REPLACE FUNCTION ecpa.score_set_digest(p_edition bigint) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT ecpa.may_read_results(p_edition) THEN
        RAISE EXCEPTION 'the scores of this edition are not published' USING ERRCODE = '42501';
    END IF;
    RETURN encode(sha256(convert_to(
        coalesce((SELECT string_agg(jsonb_build_array(entry_id, juror_id, criterion_code, value::text)::text, E'\n'
                                    ORDER BY entry_id, juror_id, criterion_code)
                  FROM ecpa.scores WHERE edition_id = p_edition), '')
        || E'\n--\n' ||
        coalesce((SELECT string_agg(jsonb_build_array(entry_id, juror_id)::text, E'\n' ORDER BY entry_id, juror_id)
                  FROM ecpa.abstentions WHERE edition_id = p_edition), ''),
        'UTF8')), 'hex');
END
$$;

CREATE OR REPLACE FUNCTION ecpa.cells_differing_from_ledger(p_edition bigint)
    RETURNS TABLE (entry_id bigint, juror_id bigint, criterion_code text, ledger_value numeric, table_value numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT ecpa.may_read_results(p_edition) THEN
        RAISE EXCEPTION 'the scores of this edition are not published' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        WITH last AS (
            SELECT DISTINCT ON (e.entry_id, e.juror_id, e.criterion_code)
                   e.entry_id, e.juror_id, e.criterion_code, e.action, e.new_value
            FROM ecpa.score_events e
            WHERE e.edition_id = p_edition AND e.criterion_code IS NOT NULL
            ORDER BY e.entry_id, e.juror_id, e.criterion_code, e.id DESC
        ), expected AS (
            SELECT * FROM last WHERE action <> 'delete'
        )
        SELECT coalesce(x.entry_id, s.entry_id), coalesce(x.juror_id, s.juror_id),
               coalesce(x.criterion_code, s.criterion_code), x.new_value, s.value
        FROM expected x
        FULL JOIN (SELECT * FROM ecpa.scores sc WHERE sc.edition_id = p_edition) s
             ON s.entry_id = x.entry_id AND s.juror_id = x.juror_id AND s.criterion_code = x.criterion_code
        WHERE x.new_value IS DISTINCT FROM s.value
        ORDER BY 1, 2, 3;
END
$$;

-- How many of an edition's ledger events come after the sealed batch with this hash, sealed or
-- not; NULL when no sealed batch has that hash (the chain lost it). The ledger is shared by all
-- editions, so later editions' batches are normal; this edition's are not.
CREATE FUNCTION ecpa.edition_events_after(p_edition bigint, p_head text) RETURNS bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_position bigint;
BEGIN
    IF NOT ecpa.may_read_results(p_edition) THEN
        RAISE EXCEPTION 'the scores of this edition are not published' USING ERRCODE = '42501';
    END IF;
    IF p_head = repeat('0', 64) THEN
        v_position := 0;
    ELSE
        SELECT chain_position INTO v_position FROM ecpa.score_batches WHERE hash = p_head;
        IF NOT FOUND THEN
            RETURN NULL;
        END IF;
    END IF;
    RETURN (SELECT count(*) FROM ecpa.score_events e JOIN ecpa.score_batches b ON b.id = e.batch_id
            WHERE e.edition_id = p_edition AND (b.chain_position IS NULL OR b.chain_position > v_position));
END
$$;

CREATE OR REPLACE FUNCTION ecpa.frozen_ranking_text(p_edition bigint, p_method text) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT ecpa.may_read_results(p_edition) THEN
        RAISE EXCEPTION 'the results of this edition are not published' USING ERRCODE = '42501';
    END IF;
    RETURN (
        SELECT 'method ' || p_method || E'\n'
            || coalesce(string_agg(concat_ws('|', p.place, coalesce(p.medal, '-'), 'entry ' || p.entry_id,
                                             coalesce(e.country_code, '?'), p.score::text, 'jurors ' || p.juror_count,
                                             CASE WHEN p.shared_place THEN 'shared' ELSE '-' END,
                                             coalesce('override: ' || p.override_reason, '-')),
                                   E'\n' ORDER BY p.place, p.entry_id) || E'\n', '')
        FROM ecpa.frozen_places p
        LEFT JOIN ecpa.entries e ON e.id = p.entry_id
        WHERE p.edition_id = p_edition);
END
$$;

REVOKE ALL ON FUNCTION ecpa.may_read_results(bigint), ecpa.edition_events_after(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.may_read_results(bigint), ecpa.edition_events_after(bigint, text)
    TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;

RESET ROLE;
