-- Rules about dated rows that the database itself enforces (not only the services).

-- An org unit has one version at a time.
ALTER TABLE org_unit_versions
  ADD CONSTRAINT org_unit_versions_no_overlap EXCLUDE USING gist (org_unit_id WITH =, during WITH &&);
--> statement-breakpoint
CREATE INDEX org_unit_versions_company_during_idx ON org_unit_versions USING gist (company_id, during);
--> statement-breakpoint
CREATE INDEX org_unit_versions_parent_during_idx ON org_unit_versions USING gist (parent_org_unit_id, during);
--> statement-breakpoint

-- A person has at most one employment at a company at a time.
ALTER TABLE employments
  ADD CONSTRAINT employments_no_overlap EXCLUDE USING gist (
    person_id WITH =, company_id WITH =, daterange(hire_date, termination_date, '[]') WITH &&
  );
--> statement-breakpoint
-- An employee number belongs to one person within a company (a rehired person may keep theirs).
ALTER TABLE employments
  ADD CONSTRAINT employments_number_one_person EXCLUDE USING gist (
    company_id WITH =, employee_number WITH =, person_id WITH <>
  );
--> statement-breakpoint

-- One primary assignment per employment at a time; never the same unit twice at once.
ALTER TABLE assignments
  ADD CONSTRAINT assignments_one_primary EXCLUDE USING gist (employment_id WITH =, during WITH &&)
  WHERE (kind = 'primary');
--> statement-breakpoint
ALTER TABLE assignments
  ADD CONSTRAINT assignments_unit_no_overlap EXCLUDE USING gist (
    employment_id WITH =, org_unit_id WITH =, during WITH &&
  );
--> statement-breakpoint
CREATE INDEX assignments_unit_during_idx ON assignments USING gist (org_unit_id, during);
--> statement-breakpoint
CREATE INDEX assignments_person_during_idx ON assignments USING gist (person_id, during);
--> statement-breakpoint

-- An assignment lies within its employment, belongs to the employment's person and company, uses a grade
-- of that company and an org unit of that company (or of another group company for a secondment), and a
-- position of the org unit's company.
CREATE FUNCTION tekizai_check_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  emp employments%ROWTYPE;
  unit_company integer;
  grade_company integer;
  position_company integer;
BEGIN
  SELECT * INTO emp FROM employments WHERE id = NEW.employment_id;
  IF NEW.person_id <> emp.person_id OR NEW.company_id <> emp.company_id THEN
    RAISE EXCEPTION 'assignment % does not match the person and company of employment %', NEW.id, emp.id
      USING ERRCODE = '23514', CONSTRAINT = 'assignments_employment_match';
  END IF;
  IF NEW.valid_from < emp.hire_date
     OR (emp.termination_date IS NOT NULL AND (NEW.valid_to IS NULL OR NEW.valid_to > emp.termination_date)) THEN
    RAISE EXCEPTION 'assignment lies outside employment % (% to %)', emp.id, emp.hire_date, emp.termination_date
      USING ERRCODE = '23514', CONSTRAINT = 'assignments_within_employment';
  END IF;
  SELECT company_id INTO unit_company FROM org_units WHERE id = NEW.org_unit_id;
  IF unit_company <> NEW.company_id AND NEW.kind <> 'secondment' THEN
    RAISE EXCEPTION 'org unit % belongs to another company', NEW.org_unit_id
      USING ERRCODE = '23514', CONSTRAINT = 'assignments_unit_company';
  END IF;
  IF NEW.grade_id IS NOT NULL THEN
    SELECT company_id INTO grade_company FROM grades WHERE id = NEW.grade_id;
    IF grade_company <> NEW.company_id THEN
      RAISE EXCEPTION 'grade % belongs to another company', NEW.grade_id
        USING ERRCODE = '23514', CONSTRAINT = 'assignments_grade_company';
    END IF;
  END IF;
  IF NEW.position_id IS NOT NULL THEN
    SELECT company_id INTO position_company FROM positions WHERE id = NEW.position_id;
    IF position_company <> unit_company THEN
      RAISE EXCEPTION 'position % belongs to another company than org unit %', NEW.position_id, NEW.org_unit_id
        USING ERRCODE = '23514', CONSTRAINT = 'assignments_position_company';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER assignments_check BEFORE INSERT OR UPDATE ON assignments
  FOR EACH ROW EXECUTE FUNCTION tekizai_check_assignment();
--> statement-breakpoint

-- Shortening an employment may not leave assignments outside it.
CREATE FUNCTION tekizai_check_employment_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM assignments a
    WHERE a.employment_id = NEW.id
      AND (a.valid_from < NEW.hire_date
        OR (NEW.termination_date IS NOT NULL AND (a.valid_to IS NULL OR a.valid_to > NEW.termination_date)))
  ) THEN
    RAISE EXCEPTION 'employment % would leave assignments outside its period', NEW.id
      USING ERRCODE = '23514', CONSTRAINT = 'assignments_within_employment';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER employments_check_assignments AFTER UPDATE OF hire_date, termination_date ON employments
  FOR EACH ROW EXECUTE FUNCTION tekizai_check_employment_assignments();
