import { listAndCreate } from "../terms/handlers"

export const { GET, POST } = listAndCreate("campaign")
