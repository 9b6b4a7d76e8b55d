-- Rules about skills, learning and OJT rows that the database itself enforces (not only the services).

-- A skill-map line (target x skill) has one version at a time.
ALTER TABLE skill_requirements
  ADD CONSTRAINT skill_requirements_no_overlap EXCLUDE USING gist (
    coalesce(position_id, 0) WITH =, coalesce(job_category_id, 0) WITH =, coalesce(grade_id, 0) WITH =,
    skill_id WITH =, during WITH &&
  );
--> statement-breakpoint
CREATE INDEX skill_requirements_position_during_idx ON skill_requirements USING gist (position_id, during);
--> statement-breakpoint

-- A trainee has one OJT trainer at a time.
ALTER TABLE ojt_pairs
  ADD CONSTRAINT ojt_pairs_one_trainer EXCLUDE USING gist (trainee_person_id WITH =, during WITH &&);
--> statement-breakpoint

-- An assessment recorded from a course completion points at its training record.
ALTER TABLE skill_assessments
  ADD CONSTRAINT skill_assessments_training_record_fk FOREIGN KEY (training_record_id) REFERENCES training_records (id);
--> statement-breakpoint
CREATE INDEX skill_assessments_training_record_idx ON skill_assessments (training_record_id)
  WHERE training_record_id IS NOT NULL;
--> statement-breakpoint

-- The default proficiency scale (group HR may change it): levels 0-5 with what each level means.
INSERT INTO skill_scale_levels (level, name_ja, name_en, description_ja, description_en) VALUES
  (0, '未経験', 'None', 'まだ経験がない。', 'No experience yet.'),
  (1, '基礎', 'Basic', '基本を知っており、指導を受けながら簡単な業務を行える。', 'Knows the basics; does simple tasks with guidance.'),
  (2, '初級', 'Developing', '定型的な業務は自分で行えるが、例外的な場面では支援が必要。', 'Does routine tasks alone; needs help with unusual ones.'),
  (3, '中級', 'Proficient', '例外的な場面を含め、業務を独力で遂行できる。', 'Does the job''s tasks independently, unusual ones included.'),
  (4, '上級', 'Advanced', '複雑な状況に対応し、他者を指導し、チームのやり方を改善できる。', 'Handles complex situations, guides others and improves how the team works.'),
  (5, 'エキスパート', 'Expert', '社内外で認められる第一人者として方向性を示し、人を育てる。', 'A recognised expert in the company or group; sets direction and develops others.');
--> statement-breakpoint
INSERT INTO skill_settings (id, current_level_rule) VALUES (1, 'latest_confirmed');
