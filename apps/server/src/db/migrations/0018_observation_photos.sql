-- Which inspection findings a photo belongs to: /files/{id} checks that the reader may see one of them (issue 13).
CREATE INDEX IF NOT EXISTS "inspection_observation_photo_file_ids_idx" ON "inspection_observation" USING gin ("photo_file_ids");
