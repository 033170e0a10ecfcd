import { retrieveUpdateDelete } from "../../terms/handlers"

export const { GET, POST, DELETE } = retrieveUpdateDelete("campaign")
